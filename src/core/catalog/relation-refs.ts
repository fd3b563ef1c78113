import { CatalogError } from './catalog-error.js';
import type { CatalogEntity } from './entity-schema.js';
import { defaultNamespace, entityRefOf, parseEntityRef, stringifyEntityRef, type EntityRefContext } from './entity-ref.js';

/** Spec fields that hold relation refs, with the kind Backstage assumes when a ref leaves it out. */
export const relationFields = {
  dependsOn: undefined,
  dependencyOf: undefined,
  consumesApis: 'api',
  providesApis: 'api',
} as const satisfies Record<string, string | undefined>;

export type RelationField = keyof typeof relationFields;

/** The defaults a partial ref in `field` of `entity` takes: the field's kind, the entity's namespace. */
export function relationRefContext(entity: CatalogEntity, field: RelationField): EntityRefContext {
  const defaultKind = relationFields[field];
  return { defaultNamespace: entity.metadata.namespace ?? defaultNamespace, ...(defaultKind === undefined ? {} : { defaultKind }) };
}

/** The canonical refs `entity` lists in `field`; a malformed list or ref throws, naming the entity. */
export function listRelationRefs(entity: CatalogEntity | undefined, field: RelationField): string[] {
  if (entity === undefined) return [];
  const refs = entity.spec?.[field];
  if (refs === undefined) return [];
  const entityRef = entityRefOf(entity);
  if (!Array.isArray(refs)) throw new CatalogError('invalid-entity', `${entityRef}: spec.${field} must be a list of entity refs`, { entityRef });
  const context = relationRefContext(entity, field);
  return refs.map((text: unknown) => {
    try {
      if (typeof text !== 'string') throw new CatalogError('invalid-entity', `${JSON.stringify(text)} is not an entity ref`);
      return stringifyEntityRef(parseEntityRef(text, context));
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      throw new CatalogError('invalid-entity', `${entityRef}: spec.${field}: ${error.message}`, { entityRef });
    }
  });
}
