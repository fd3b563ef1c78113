import { CatalogError } from './catalog-error.js';

/** A parsed `kind:namespace/name`, in the case it was written. */
export type EntityRef = { kind: string; namespace: string; name: string };

/** Backstage's defaults for a partial ref: the kind a field implies, the referring entity's namespace. */
export type EntityRefContext = { defaultKind?: string; defaultNamespace?: string };

/** Backstage puts entities without `metadata.namespace` here. */
export const defaultNamespace = 'default';

/**
 * Parses `[kind:][namespace/]name` the way Backstage does: a `:` after the first `/` is part of
 * the name, and missing parts come from `context` (namespace falls back to `default`).
 */
export function parseEntityRef(text: string, context: EntityRefContext = {}): EntityRef {
  const ref = text.trim();
  const slash = ref.indexOf('/');
  let colon = ref.indexOf(':');
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? context.defaultKind : ref.slice(0, colon);
  const namespace = slash === -1 ? (context.defaultNamespace ?? defaultNamespace) : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  if (kind === undefined) throw new CatalogError('invalid-entity', `entity ref "${ref}" has no kind; write it as kind:${ref} (e.g. resource:${ref})`);
  if (kind === '' || namespace === '' || name === '') throw new CatalogError('invalid-entity', `entity ref "${ref}" is not of the form [kind:][namespace/]name`);
  return { kind, namespace, name };
}

/** The canonical form Backstage prints and compares: `kind:namespace/name`, all lower case. */
export function stringifyEntityRef(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
}

/** The canonical ref of an entity itself. */
export function entityRefOf(entity: { kind: string; metadata: { name: string; namespace?: string | undefined } }): string {
  return stringifyEntityRef({ kind: entity.kind, namespace: entity.metadata.namespace ?? defaultNamespace, name: entity.metadata.name });
}

/** True when two refs name the same entity, comparing case-insensitively as Backstage does. */
export function isSameEntity(a: EntityRef, b: EntityRef): boolean {
  return stringifyEntityRef(a) === stringifyEntityRef(b);
}
