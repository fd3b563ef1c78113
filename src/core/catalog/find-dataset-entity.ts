import { catalogAnnotations } from './annotations.js';
import { CatalogError } from './catalog-error.js';
import { parseDatasetEntity, isDatasetEntity } from './dataset-entity.js';
import type { CatalogEntity } from './entity-schema.js';
import { defaultNamespace, entityRefOf, parseEntityRef, stringifyEntityRef } from './entity-ref.js';
import type { DatasetEntity } from './types.js';

/**
 * The dataset among `entities` that `query` names: an entity ref (`resource:default/user-profile`,
 * `resource:user-profile`) wins; otherwise an entity name or a physical name (`analytics.users_v1`),
 * compared case-insensitively as Backstage does. When a name matches datasets in several
 * namespaces, the one in `default` wins; any other tie is an error asking for an entity ref.
 */
export function findDatasetEntity(entities: readonly CatalogEntity[], query: string): DatasetEntity | undefined {
  const wanted = query.trim().toLowerCase();
  const datasets = entities.filter(isDatasetEntity);
  const ref = asEntityRef(query);
  const byRef = ref === undefined ? undefined : datasets.find((entity) => entityRefOf(entity) === ref);
  if (byRef !== undefined) return parseDatasetEntity(byRef);

  const matches = datasets.filter((entity) => {
    const physicalName = entity.metadata.annotations?.[catalogAnnotations.physicalName];
    return entity.metadata.name.toLowerCase() === wanted || physicalName?.trim().toLowerCase() === wanted;
  });
  const unique = [...new Map(matches.map((entity) => [entityRefOf(entity), entity])).values()];
  if (unique.length <= 1) return unique[0] === undefined ? undefined : parseDatasetEntity(unique[0]);
  const inDefault = unique.filter((entity) => (entity.metadata.namespace ?? defaultNamespace).toLowerCase() === defaultNamespace);
  if (inDefault.length === 1 && inDefault[0] !== undefined) return parseDatasetEntity(inDefault[0]);
  const refs = unique.map(entityRefOf).sort();
  throw new CatalogError('ambiguous-dataset', `"${query}" names ${refs.length} datasets (${refs.join(', ')}); use an entity ref`);
}

/** The canonical ref `query` spells, when it spells one with a kind; physical names usually do not. */
function asEntityRef(query: string): string | undefined {
  if (!query.includes(':')) return undefined;
  try {
    return stringifyEntityRef(parseEntityRef(query));
  } catch (error) {
    if (error instanceof CatalogError) return undefined;
    throw error;
  }
}
