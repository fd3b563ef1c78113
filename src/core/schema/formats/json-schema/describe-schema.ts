import type { Field, FieldConstraints, FieldType } from '../../types.js';
import { renderTypeSignature } from '../../diff/type-signature.js';
import type { ReadContext, SchemaNode } from './schema-node.js';
import type { Facets, JsonType, PropertyEntry } from './schema-facets.js';
import { mergeFacets } from './schema-facets.js';
import { flattenSchema } from './flatten-schema.js';
import { decideScalarType } from './decide-scalar-type.js';
import { prefixConstraints } from './read-constraints.js';
import { readRenamedFrom } from './read-renamed-from.js';
import { renderCanonicalJson } from './json-value.js';

/** A schema read into the canonical model: its type, whether null is a valid value, its constraints. */
export type DescribedSchema = { type: FieldType; admitsNull: boolean; constraints: FieldConstraints; facets: Facets };

type Shape = { type: FieldType; admitsNull: boolean; formatUsed?: boolean; constraints?: FieldConstraints };

function named(kind: FieldType['kind'], name: string | undefined): FieldType {
  return name === undefined ? { kind } : { kind, name };
}

function finish(facets: Facets, shape: Shape): DescribedSchema {
  const constraints: FieldConstraints = { ...facets.constraints, ...shape.constraints };
  if (facets.format !== undefined && shape.formatUsed !== true) constraints.format = facets.format;
  return { type: shape.type, admitsNull: shape.admitsNull, constraints, facets };
}

function renderSymbol(value: unknown): string {
  return typeof value === 'string' ? value : renderCanonicalJson(value);
}

function isNullOnly(facets: Facets): boolean {
  if (facets.enumValues !== undefined) return facets.enumValues.length > 0 && facets.enumValues.every((value) => value === null);
  return facets.types !== undefined && facets.types.length === 1 && facets.types[0] === 'null';
}

function describeEnum(facets: Facets, types: JsonType[] | undefined): Shape {
  const values = facets.enumValues ?? [];
  // null in `enum` is only a valid value when `type` (if any) allows it too.
  const admitsNull = values.includes(null) && (facets.types === undefined || facets.types.includes('null'));
  const symbols = [...new Set(values.filter((value) => value !== null).map(renderSymbol))];
  if (symbols.length === 0) return { type: { kind: 'unknown', name: admitsNull ? 'null' : 'never' }, admitsNull };
  const name = facets.refName ?? (types?.length === 1 ? types[0] : undefined);
  return { type: { ...named('enum', name), symbols }, admitsNull };
}

function describeObject(context: ReadContext, facets: Facets, path: readonly string[], scope: ReadonlySet<string>): Shape {
  const name = facets.refName ?? 'object';
  if (facets.properties !== undefined) {
    return { type: { kind: 'record', name, fields: readFields(context, facets.properties, facets.required, path, scope) }, admitsNull: false };
  }
  if (facets.additionalProperties !== undefined) {
    const values = describeNode(context, facets.additionalProperties, path, scope);
    return { type: { kind: 'map', name, of: values.type }, admitsNull: false, constraints: prefixConstraints('values', values.constraints) };
  }
  return { type: { kind: 'json', name }, admitsNull: false };
}

function describeArray(context: ReadContext, facets: Facets, path: readonly string[], scope: ReadonlySet<string>): Shape {
  if (facets.tuple) return { type: { kind: 'unknown', name: 'tuple' }, admitsNull: false };
  if (facets.items === undefined) return { type: { kind: 'array', name: facets.refName ?? 'array', of: { kind: 'json' } }, admitsNull: false };
  const items = describeNode(context, facets.items, path, scope);
  return { type: { kind: 'array', name: facets.refName ?? 'array', of: items.type }, admitsNull: false, constraints: prefixConstraints('items', items.constraints) };
}

function describeType(context: ReadContext, facets: Facets, type: Exclude<JsonType, 'null'>, path: readonly string[], scope: ReadonlySet<string>): Shape {
  if (type === 'object') return describeObject(context, facets, path, scope);
  if (type === 'array') return describeArray(context, facets, path, scope);
  const scalar = decideScalarType(type, facets.format, facets.contentEncoding);
  const name = facets.refName ?? scalar.type.name;
  return { type: named(scalar.type.kind, name), admitsNull: false, formatUsed: scalar.formatUsed };
}

/** Several possible types: kept as `unknown`, with the sorted member signatures as a constraint so a changed member shows. */
function describeChoice(members: readonly DescribedSchema[], admitsNull: boolean): Shape {
  const signatures = [...new Set(members.map((member) => renderTypeSignature(member.type)))].sort();
  return { type: { kind: 'unknown', name: 'anyOf' }, admitsNull, constraints: { anyOf: signatures.join('|') } };
}

function describeUnion(context: ReadContext, facets: Facets, branches: readonly SchemaNode[], path: readonly string[], scope: ReadonlySet<string>): DescribedSchema {
  const outer: Facets = { ...facets, union: undefined, refKeys: [] };
  const flattened = branches.map((branch) => flattenSchema(context, branch, { open: scope, chain: new Set() }));
  const values = flattened.filter((branch) => !isNullOnly(branch));
  const hasNullBranch = values.length < flattened.length;
  const [only] = values;
  if (only !== undefined && values.length === 1) {
    const described = describeFacets(context, mergeFacets(only, outer), path, scope);
    return { ...described, admitsNull: described.admitsNull || hasNullBranch };
  }
  if (only === undefined) return finish(outer, { type: { kind: 'unknown', name: 'null' }, admitsNull: true });
  const members = values.map((branch) => describeFacets(context, branch, path, scope));
  return finish(outer, describeChoice(members, hasNullBranch || members.some((member) => member.admitsNull)));
}

/** The canonical type of folded facets, reading fields, items and union branches below them. */
function describeFacets(context: ReadContext, facets: Facets, path: readonly string[], open: ReadonlySet<string>): DescribedSchema {
  const scope = new Set([...open, ...facets.refKeys]);
  if (facets.never) return finish(facets, { type: { kind: 'unknown', name: 'never' }, admitsNull: false });
  if (facets.cycle) return finish(facets, { type: named('record', facets.refName), admitsNull: false });
  const types = facets.types?.filter((type): type is Exclude<JsonType, 'null'> => type !== 'null');
  const typedNull = facets.types?.includes('null') ?? false;
  if (facets.enumValues !== undefined) return finish(facets, describeEnum(facets, types));
  if (types === undefined) {
    // Without `type`, `properties` or `items` still say what the value is; a union only decides it when nothing else does.
    if (facets.properties !== undefined) return finish(facets, describeObject(context, facets, path, scope));
    if (facets.items !== undefined || facets.tuple) return finish(facets, describeArray(context, facets, path, scope));
    if (facets.union !== undefined) return describeUnion(context, facets, facets.union, path, scope);
    return finish(facets, { type: named('json', facets.refName), admitsNull: true });
  }
  const [single] = types;
  if (single === undefined) return finish(facets, { type: { kind: 'unknown', name: typedNull ? 'null' : 'never' }, admitsNull: typedNull });
  if (types.length === 1) {
    const shape = describeType(context, facets, single, path, scope);
    return finish(facets, { ...shape, admitsNull: typedNull });
  }
  const members = types.map((type) => finish(facets, describeType(context, facets, type, path, scope)));
  return finish(facets, describeChoice(members, typedNull));
}

/** Reads one schema node (following `$ref`s and `allOf`) into the canonical model at `path`. */
export function describeNode(context: ReadContext, node: SchemaNode, path: readonly string[], open: ReadonlySet<string>): DescribedSchema {
  return describeFacets(context, flattenSchema(context, node, { open, chain: new Set() }), path, open);
}

/** The fields of an object schema: declared order, full paths, `required` deciding who may be absent. */
export function readFields(
  context: ReadContext,
  properties: readonly PropertyEntry[],
  required: readonly string[],
  parentPath: readonly string[],
  open: ReadonlySet<string>,
): Field[] {
  return properties.map(({ name, node }) => {
    const path = [...parentPath, name];
    const described = describeNode(context, node, path, open);
    const field: Field = {
      name,
      path,
      type: described.type,
      nullable: !required.includes(name) || described.admitsNull,
      hasDefault: described.facets.hasDefault,
      renamedFrom: readRenamedFrom(context.source, node),
      deprecated: described.facets.deprecated,
    };
    if (Object.keys(described.constraints).length > 0) field.constraints = described.constraints;
    if (described.facets.description !== undefined) field.description = described.facets.description;
    return field;
  });
}
