import type { FieldConstraints } from '../../types.js';
import type { SchemaNode } from './schema-node.js';

/** The instance types JSON Schema's `type` keyword names. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** Every value `type` may name, to check a parsed document against. */
export const jsonTypes = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'] as const satisfies readonly JsonType[];

/** One declared property and the schema node that describes it. */
export type PropertyEntry = { name: string; node: SchemaNode };

/**
 * What a schema says once its `$ref` and `allOf` parts are folded together: the keywords the
 * canonical model is built from. Subschemas (properties, items, union branches) stay unread nodes,
 * so folding never recurses into fields.
 */
export type Facets = {
  /** Declared `type`s, intersected across parts; undefined when nothing constrains the type. */
  types: JsonType[] | undefined;
  properties: PropertyEntry[] | undefined;
  required: string[];
  items: SchemaNode | undefined;
  /** `prefixItems` (2020-12) or an array-valued `items` (draft-07): positional, not one element type. */
  tuple: boolean;
  additionalProperties: SchemaNode | undefined;
  /** `enum`, or `[const]`. */
  enumValues: unknown[] | undefined;
  format: string | undefined;
  contentEncoding: string | undefined;
  constraints: FieldConstraints;
  description: string | undefined;
  deprecated: boolean;
  hasDefault: boolean;
  /** Name of the nearest `$ref` target. */
  refName: string | undefined;
  /** `anyOf` / `oneOf` branches. */
  union: SchemaNode[] | undefined;
  /** The `false` schema, or types that cannot all hold. */
  never: boolean;
  /** A `$ref` back to a schema being read above this one: a recursive type, read no further. */
  cycle: boolean;
  /** Keys of the `$ref` targets folded in, so recursion into them is caught below. */
  refKeys: string[];
};

/** Facets of the schema `true`: anything goes. */
export function emptyFacets(): Facets {
  return {
    types: undefined, properties: undefined, required: [], items: undefined, tuple: false, additionalProperties: undefined,
    enumValues: undefined, format: undefined, contentEncoding: undefined, constraints: {}, description: undefined,
    deprecated: false, hasDefault: false, refName: undefined, union: undefined, never: false, cycle: false, refKeys: [],
  };
}

function intersectTypes(left: JsonType[] | undefined, right: JsonType[] | undefined): JsonType[] | undefined {
  if (left === undefined) return right;
  if (right === undefined) return left;
  const both = new Set<JsonType>();
  for (const type of left) {
    // Every integer is a number, so integer ∩ number is integer.
    if (right.includes(type)) both.add(type);
    else if (type === 'integer' && right.includes('number')) both.add('integer');
    else if (type === 'number' && right.includes('integer')) both.add('integer');
  }
  return [...both];
}

function mergeProperties(left: PropertyEntry[] | undefined, right: PropertyEntry[] | undefined): PropertyEntry[] | undefined {
  if (left === undefined) return right;
  if (right === undefined) return left;
  const names = new Set(left.map((entry) => entry.name));
  return [...left, ...right.filter((entry) => !names.has(entry.name))];
}

/**
 * Both schemas at once (`allOf`, or a 2020-12 `$ref` with siblings): types intersect, properties
 * and `required` add up, and `over`'s annotations and constraints win where both set one.
 */
export function mergeFacets(base: Facets, over: Facets): Facets {
  const types = intersectTypes(base.types, over.types);
  return {
    types,
    properties: mergeProperties(base.properties, over.properties),
    required: [...new Set([...base.required, ...over.required])],
    items: over.items ?? base.items,
    tuple: base.tuple || over.tuple,
    additionalProperties: over.additionalProperties ?? base.additionalProperties,
    enumValues: over.enumValues ?? base.enumValues,
    format: over.format ?? base.format,
    contentEncoding: over.contentEncoding ?? base.contentEncoding,
    constraints: { ...base.constraints, ...over.constraints },
    description: over.description ?? base.description,
    deprecated: base.deprecated || over.deprecated,
    hasDefault: base.hasDefault || over.hasDefault,
    refName: over.refName ?? base.refName,
    union: over.union ?? base.union,
    never: base.never || over.never || (types !== undefined && types.length === 0),
    cycle: base.cycle || over.cycle,
    refKeys: [...base.refKeys, ...over.refKeys],
  };
}
