import { CatalogClient, type EntityFilterQuery } from '@backstage/catalog-client';
import {
  CatalogError,
  catalogAnnotations,
  catalogEntitySchema,
  collectConsumers,
  datasetKinds,
  datasetType,
  findDatasetEntity,
  parseEntityRef,
  type Catalog,
  type CatalogEntity,
} from '../../core/catalog/index.js';
import { createAuthorizedFetch, toCatalogError } from './backstage-fetch.js';

/** A Backstage catalog over HTTP (`CATALOG=https://backstage.example.com`). */
export type BackstageCatalogOptions = {
  /** The Backstage base URL; `/api/catalog` is appended (and tolerated if already there). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` (a static external-access token, for instance). */
  token?: string;
  fetch?: typeof fetch;
  githubHosts?: readonly string[];
  /** Entities per page; the catalog caps pages itself, so this only trades requests for memory. */
  pageSize?: number;
};

// Only the fields we read travel: the envelope, our annotations, owner and lifecycle.
const datasetFields = ['apiVersion', 'kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'metadata.annotations', 'spec.type', 'spec.owner'];
const consumerFields = ['apiVersion', 'kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'metadata.annotations', 'spec.owner', 'spec.lifecycle'];

/**
 * The catalog port over Backstage's catalog API. Relations come from Backstage itself: consumers
 * are the Components with a `dependsOn` or `consumesApi` relation to the dataset's entity ref.
 */
export function createBackstageCatalog(options: BackstageCatalogOptions): Catalog {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async (pluginId) => `${baseUrl}/api/${pluginId}` },
    fetchApi: { fetch: createAuthorizedFetch(options.fetch ?? globalThis.fetch, options.token) },
  });
  const pageSize = options.pageSize ?? 200;

  async function queryAll(filter: EntityFilterQuery, fields: string[]): Promise<unknown[]> {
    const items: unknown[] = [];
    const seen = new Set<string>();
    try {
      let page = await client.queryEntities({ filter, fields, limit: pageSize });
      items.push(...page.items);
      for (let cursor = page.pageInfo.nextCursor; cursor !== undefined; cursor = page.pageInfo.nextCursor) {
        // A cursor seen twice would loop forever; Backstage never does this, a proxy might.
        if (seen.has(cursor)) throw new CatalogError('request-failed', 'Backstage returned the same page cursor twice', { source: baseUrl });
        seen.add(cursor);
        page = await client.queryEntities({ cursor, fields, limit: pageSize });
        items.push(...page.items);
      }
    } catch (error) {
      throw error instanceof CatalogError ? error : toCatalogError(error, baseUrl, options.token);
    }
    return items;
  }

  return {
    async findDataset(name) {
      const query = name.trim();
      if (query === '') return undefined;
      const dataset = { kind: [...datasetKinds], 'spec.type': datasetType };
      // The GET filter syntax separates conditions with commas, so such a name is matched here instead.
      const filter: Array<Record<string, string | string[]>> = query.includes(',')
        ? [dataset]
        : [
            { ...dataset, 'metadata.name': query },
            { ...dataset, [`metadata.annotations.${catalogAnnotations.physicalName}`]: query },
          ];
      const ref = query.includes(',') ? undefined : findRefParts(query);
      if (ref !== undefined) filter.push({ ...dataset, kind: ref.kind, 'metadata.namespace': ref.namespace, 'metadata.name': ref.name });
      const entities = (await queryAll(filter, datasetFields)).map((item) => validate(item, baseUrl));
      return findDatasetEntity(entities, query);
    },
    async consumersOf(dataset) {
      const components = await queryAll(
        [
          { kind: 'component', 'relations.dependsOn': dataset.entityRef },
          { kind: 'component', 'relations.consumesApi': dataset.entityRef },
        ],
        consumerFields,
      );
      return collectConsumers(components, options.githubHosts === undefined ? {} : { githubHosts: options.githubHosts });
    },
  };
}

function normalizeBaseUrl(setting: string): string {
  return setting.trim().replace(/\/+$/, '').replace(/\/api\/catalog$/, '');
}

/** An entity from Backstage, checked before use like any outside data. */
function validate(item: unknown, baseUrl: string): CatalogEntity {
  const result = catalogEntitySchema.safeParse(item);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new CatalogError('invalid-entity', `Backstage returned an invalid entity: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(), { source: baseUrl });
}

function findRefParts(query: string): { kind: string; namespace: string; name: string } | undefined {
  if (!query.includes(':')) return undefined;
  try {
    return parseEntityRef(query);
  } catch (error) {
    if (error instanceof CatalogError) return undefined;
    throw error;
  }
}
