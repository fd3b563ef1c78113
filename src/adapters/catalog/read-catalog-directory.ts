import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CatalogError, entityRefOf, parseCatalogYaml, type LocatedEntity } from '../../core/catalog/index.js';

/**
 * Reads every `*.yaml` / `*.yml` under `directory` (hidden folders and node_modules skipped), in
 * path order, into validated entities. A file that is not a valid catalog, or an entity defined
 * twice (Backstage refuses the second), throws a CatalogError naming the file and line.
 */
export async function readCatalogDirectory(directory: string): Promise<LocatedEntity[]> {
  const files = await listCatalogFiles(directory);
  const byRef = new Map<string, LocatedEntity>();
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const located of parseCatalogYaml(text, file)) {
      const ref = entityRefOf(located.entity);
      const first = byRef.get(ref);
      if (first !== undefined) {
        throw new CatalogError('invalid-entity', `${ref} is defined twice (first at ${first.file}:${first.line})`, { source: file, line: located.line, entityRef: ref });
      }
      byRef.set(ref, located);
    }
  }
  return [...byRef.values()];
}

async function listCatalogFiles(directory: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true, recursive: true });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new CatalogError('unreachable', `cannot read the catalog directory (${code})`, { source: directory, cause: error });
  }
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(directory, file).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
}
