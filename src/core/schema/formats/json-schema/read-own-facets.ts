import type { ReadContext, SchemaNode } from './schema-node.js';
import { findChildNode, schemaErrorAt } from './schema-node.js';
import type { Facets, JsonType, PropertyEntry } from './schema-facets.js';
import { emptyFacets, jsonTypes } from './schema-facets.js';
import { findString, isJsonObject } from './json-value.js';
import type { JsonObject } from './json-value.js';
import { readConstraints } from './read-constraints.js';
import { describePointer } from './describe-pointer.js';

function isJsonType(value: unknown): value is JsonType {
  return jsonTypes.some((type) => type === value);
}

function readTypes(schema: JsonObject): JsonType[] | undefined {
  const declared = schema.type;
  if (declared === undefined) return undefined;
  const list: unknown[] = Array.isArray(declared) ? declared : [declared];
  return [...new Set(list.filter(isJsonType))];
}

function readProperties(context: ReadContext, node: SchemaNode, schema: JsonObject): PropertyEntry[] | undefined {
  const properties = schema.properties;
  if (!isJsonObject(properties)) return undefined;
  const entries: PropertyEntry[] = [];
  for (const name of Object.keys(properties)) {
    const child = findChildNode(context.source, node, ['properties', name]);
    if (child !== undefined) entries.push({ name, node: child });
  }
  return entries;
}

function readNodes(context: ReadContext, node: SchemaNode, keyword: string): SchemaNode[] | undefined {
  const members = isJsonObject(node.value) ? node.value[keyword] : undefined;
  if (!Array.isArray(members)) return undefined;
  return members.flatMap((_member, index) => findChildNode(context.source, node, [keyword, String(index)]) ?? []);
}

function checkPattern(context: ReadContext, node: SchemaNode, pattern: string | undefined): void {
  if (pattern === undefined) return;
  try {
    new RegExp(pattern);
  } catch {
    const at = [...node.pointer, 'pattern'];
    throw schemaErrorAt(context.source, at, `invalid schema: ${describePointer(at)} is not a valid regular expression`);
  }
}

/** What a schema object says by its own keywords, before `$ref` and `allOf` are folded in. */
export function readOwnFacets(context: ReadContext, node: SchemaNode, schema: JsonObject): Facets {
  const facets = emptyFacets();
  facets.types = readTypes(schema);
  facets.properties = readProperties(context, node, schema);
  facets.required = Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
  if (Array.isArray(schema.items)) facets.tuple = true;
  else facets.items = findChildNode(context.source, node, ['items']);
  if (context.draft === '2020-12' && Array.isArray(schema.prefixItems)) facets.tuple = true;
  if (isJsonObject(schema.additionalProperties)) facets.additionalProperties = findChildNode(context.source, node, ['additionalProperties']);
  if (Array.isArray(schema.enum)) facets.enumValues = schema.enum;
  if (Object.hasOwn(schema, 'const')) facets.enumValues = [schema.const];
  facets.format = findString(schema, 'format');
  facets.contentEncoding = findString(schema, 'contentEncoding');
  checkPattern(context, node, findString(schema, 'pattern'));
  facets.constraints = readConstraints(schema);
  facets.description = findString(schema, 'description');
  facets.deprecated = schema.deprecated === true;
  facets.hasDefault = Object.hasOwn(schema, 'default');
  facets.union = readNodes(context, node, 'anyOf') ?? readNodes(context, node, 'oneOf');
  return facets;
}
