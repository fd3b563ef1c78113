import { catalogAnnotations } from './annotations.js';
import { CatalogError } from './catalog-error.js';
import { catalogEntitySchema, datasetSpecSchema, describeIssue, type CatalogEntity } from './entity-schema.js';
import { defaultNamespace, entityRefOf, parseEntityRef, stringifyEntityRef } from './entity-ref.js';
import type { DatasetEntity } from './types.js';

const datasetEntitySchema = catalogEntitySchema.extend({ spec: datasetSpecSchema });

/** Kinds that can be datasets: a Resource (our model) or an API (Spotify Portal's). */
export const datasetKinds = ['resource', 'api'] as const;

/** The `spec.type` that marks a dataset. */
export const datasetType = 'dataset';

/** True for a Resource or API whose `spec.type` is `dataset` (compared case-insensitively). */
export function isDatasetEntity(entity: CatalogEntity): boolean {
  const kind = entity.kind.toLowerCase();
  const type = entity.spec?.['type'];
  return datasetKinds.some((candidate) => candidate === kind) && typeof type === 'string' && type.toLowerCase() === datasetType;
}

/** Validates a dataset entity into a DatasetEntity; a malformed annotation throws, naming entity and annotation. */
export function parseDatasetEntity(raw: unknown): DatasetEntity {
  const parsed = datasetEntitySchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogError('invalid-entity', `dataset entity: ${issue === undefined ? 'invalid' : describeIssue(issue)}`);
  }
  const entity = parsed.data;
  const entityRef = entityRefOf(entity);
  const kind = entity.kind.toLowerCase();
  if (!isDatasetEntity(entity) || (kind !== 'resource' && kind !== 'api')) {
    throw new CatalogError('invalid-entity', `${entityRef} is not a dataset (a Resource or API with spec.type ${datasetType})`, { entityRef });
  }
  const namespace = entity.metadata.namespace ?? defaultNamespace;
  const annotations = entity.metadata.annotations ?? {};
  const refIn = (field: string, text: string, defaultKind: string, code: 'invalid-entity' | 'invalid-annotation'): string => {
    try {
      return stringifyEntityRef(parseEntityRef(text, { defaultKind, defaultNamespace: namespace }));
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      throw new CatalogError(code, `${entityRef}: ${field}: ${error.message}`, { entityRef });
    }
  };

  const dataset: DatasetEntity = { entityRef, kind, name: entity.metadata.name, namespace, owner: refIn('spec.owner', entity.spec.owner, 'group', 'invalid-entity') };
  if (entity.metadata.title !== undefined) dataset.title = entity.metadata.title;
  const physicalName = annotations[catalogAnnotations.physicalName];
  if (physicalName !== undefined) {
    if (physicalName.trim() === '') {
      throw new CatalogError('invalid-annotation', `${entityRef}: annotation ${catalogAnnotations.physicalName} is empty; name the table (e.g. analytics.users_v1) or remove it`, {
        entityRef,
      });
    }
    dataset.physicalName = physicalName.trim();
  }
  const supersedes = annotations[catalogAnnotations.supersedes];
  if (supersedes !== undefined) dataset.supersedes = refIn(`annotation ${catalogAnnotations.supersedes}`, supersedes, kind, 'invalid-annotation');
  return dataset;
}
