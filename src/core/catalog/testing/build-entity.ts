import type { CatalogEntity } from '../entity-schema.js';

type EntityOptions = { namespace?: string; title?: string; annotations?: Record<string, string>; spec?: Record<string, unknown> };

function buildEntity(kind: string, name: string, defaults: Record<string, unknown>, options: EntityOptions): CatalogEntity {
  const metadata: CatalogEntity['metadata'] = { name };
  if (options.namespace !== undefined) metadata.namespace = options.namespace;
  if (options.title !== undefined) metadata.title = options.title;
  if (options.annotations !== undefined) metadata.annotations = options.annotations;
  return { apiVersion: 'backstage.io/v1alpha1', kind, metadata, spec: { ...defaults, ...options.spec } };
}

/** A production Component owned by `group:growth` in `acme/<name>`, unless told otherwise. */
export function buildComponent(name: string, options: EntityOptions = {}): CatalogEntity {
  const annotations = { 'github.com/project-slug': `acme/${name}`, ...options.annotations };
  return buildEntity('Component', name, { type: 'service', lifecycle: 'production', owner: 'group:growth' }, { ...options, annotations });
}

/** A dataset Resource owned by `group:identity-data`. */
export function buildDataset(name: string, options: EntityOptions = {}): CatalogEntity {
  return buildEntity('Resource', name, { type: 'dataset', owner: 'group:identity-data' }, options);
}

/** A dataset modelled as an API of type dataset (Spotify Portal's model). */
export function buildApiDataset(name: string, options: EntityOptions = {}): CatalogEntity {
  return buildEntity('API', name, { type: 'dataset', lifecycle: 'production', owner: 'group:identity-data', definition: '{}' }, options);
}
