import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CatalogError, type Catalog } from '../../core/catalog/index.js';
import { createBackstageCatalog } from './backstage-catalog.js';
import { createFilesCatalog } from './files-catalog.js';

/** What `createCatalog` needs: the `CATALOG` setting and, for Backstage, an optional token. */
export type CreateCatalogOptions = {
  /** `CATALOG`: a Backstage base URL (http or https) or a directory of catalog YAML. */
  setting: string;
  /** `BACKSTAGE_TOKEN`, sent as a bearer token; ignored for a directory. */
  token?: string;
  fetch?: typeof fetch;
  /** Hosts whose source-location URLs name GitHub repositories (add a GitHub Enterprise host). */
  githubHosts?: readonly string[];
  /** Where a relative directory is resolved from (default: the process's working directory). */
  cwd?: string;
};

/** The catalog `CATALOG` points at: Backstage for an http(s) URL, the files adapter for a directory. */
export async function createCatalog(options: CreateCatalogOptions): Promise<Catalog> {
  const setting = options.setting.trim();
  const hosts = options.githubHosts === undefined ? {} : { githubHosts: options.githubHosts };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(setting)) {
    const url = URL.canParse(setting) ? new URL(setting) : undefined;
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new CatalogError('invalid-setting', `CATALOG is "${redactUrl(setting)}": a catalog URL must be an http(s) Backstage base URL`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new CatalogError('invalid-setting', `CATALOG is "${redactUrl(setting)}": put the credentials in BACKSTAGE_TOKEN, not in the URL`);
    }
    return createBackstageCatalog({ baseUrl: setting, ...hosts, ...(options.token === undefined ? {} : { token: options.token }), ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
  }
  const directory = path.resolve(options.cwd ?? process.cwd(), setting);
  const found = await stat(directory).catch(() => undefined);
  if (found === undefined) {
    throw new CatalogError('invalid-setting', `CATALOG is "${setting}": neither an http(s) URL nor an existing directory (nothing at ${directory})`);
  }
  if (!found.isDirectory()) throw new CatalogError('invalid-setting', `CATALOG is "${setting}": a file, not a directory of catalog YAML or an http(s) URL`);
  // Without a cwd the setting is kept as written, so errors name files the way the user wrote them.
  return createFilesCatalog({ directory: options.cwd === undefined ? setting : directory, ...hosts });
}

/** The URL without user info, so a token pasted into it never reaches a log. */
function redactUrl(setting: string): string {
  return setting.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}
