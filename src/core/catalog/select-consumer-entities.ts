import type { CatalogEntity } from './entity-schema.js';
import { entityRefOf } from './entity-ref.js';
import { listRelationRefs } from './relation-refs.js';
import type { DatasetEntity } from './types.js';

/**
 * The components related to `dataset` the way Backstage relates them: the component's
 * `spec.dependsOn` (kind required) or `spec.consumesApis` (kind defaults to API) names it, or the
 * dataset's own `spec.dependencyOf` names the component. Partial refs take the namespace of the
 * entity that writes them, so `resource:user-profile` in namespace `marketing` is not ours.
 */
export function selectConsumerEntities(entities: readonly CatalogEntity[], dataset: DatasetEntity): CatalogEntity[] {
  const datasetEntity = entities.find((entity) => entityRefOf(entity) === dataset.entityRef);
  const namedByDataset = new Set(listRelationRefs(datasetEntity, 'dependencyOf'));
  const selected = new Map<string, CatalogEntity>();
  for (const entity of entities) {
    if (entity.kind.toLowerCase() !== 'component') continue;
    const ref = entityRefOf(entity);
    const related =
      namedByDataset.has(ref) || listRelationRefs(entity, 'dependsOn').includes(dataset.entityRef) || listRelationRefs(entity, 'consumesApis').includes(dataset.entityRef);
    if (related) selected.set(ref, entity);
  }
  return [...selected.values()];
}
