import type { ReadContext, SchemaNode } from './schema-node.js';
import { findChildNode, schemaErrorAt } from './schema-node.js';
import type { Facets } from './schema-facets.js';
import { emptyFacets, mergeFacets } from './schema-facets.js';
import { isJsonObject } from './json-value.js';
import { readOwnFacets } from './read-own-facets.js';
import { getRefTargetOrThrow } from './resolve-ref.js';

/**
 * Which `$ref` targets are being read. `open`: targets of the fields above this one (a ref back to
 * one is a recursive type). `chain`: targets followed for this schema alone (a ref back to one
 * never reaches a real schema).
 */
export type RefScope = { open: ReadonlySet<string>; chain: ReadonlySet<string> };

function flattenAllOf(context: ReadContext, node: SchemaNode, scope: RefScope): Facets | undefined {
  const parts = isJsonObject(node.value) ? node.value.allOf : undefined;
  if (!Array.isArray(parts)) return undefined;
  let merged: Facets | undefined;
  for (let index = 0; index < parts.length; index += 1) {
    const part = findChildNode(context.source, node, ['allOf', String(index)]);
    if (part === undefined) continue;
    const facets = flattenSchema(context, part, scope);
    merged = merged === undefined ? facets : mergeFacets(merged, facets);
  }
  // Several parts make a new type: none of their names is its name.
  return merged !== undefined && parts.length > 1 ? { ...merged, refName: undefined } : merged;
}

function flattenRef(context: ReadContext, node: SchemaNode, ref: string, scope: RefScope): Facets {
  const target = getRefTargetOrThrow(context, node, ref);
  if (scope.chain.has(target.key)) {
    throw schemaErrorAt(context.source, [...node.pointer, '$ref'], `circular $ref: ${ref} leads back to itself without a schema in between`);
  }
  if (scope.open.has(target.key)) return { ...emptyFacets(), cycle: true, refName: target.name };
  const facets = flattenSchema(context, target.node, { open: scope.open, chain: new Set([...scope.chain, target.key]) });
  return { ...facets, refName: target.name, refKeys: [...facets.refKeys, target.key] };
}

/**
 * A schema's facets with its `$ref` target and `allOf` parts folded in. In draft-07 a `$ref`
 * replaces its siblings; in 2020-12 the siblings apply too and their annotations win.
 */
export function flattenSchema(context: ReadContext, node: SchemaNode, scope: RefScope): Facets {
  const schema = node.value;
  if (schema === false) return { ...emptyFacets(), never: true };
  if (!isJsonObject(schema)) return emptyFacets();
  const ref = typeof schema.$ref === 'string' ? flattenRef(context, node, schema.$ref, scope) : undefined;
  if (ref !== undefined && context.draft === 'draft-07') return ref;
  const own = readOwnFacets(context, node, schema);
  const allOf = flattenAllOf(context, node, scope);
  const local = allOf === undefined ? own : mergeFacets(own.properties === undefined ? allOf : { ...allOf, refName: undefined }, own);
  return ref === undefined ? local : mergeFacets(ref, local);
}
