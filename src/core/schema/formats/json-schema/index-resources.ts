import type { JsonSchemaFile, ResourceIndex, SchemaNode } from './schema-node.js';
import { findChildNode, rebase, schemaErrorAt } from './schema-node.js';
import { isJsonObject } from './json-value.js';

/** Base URI of a document without `$id`: refs to other files resolve outside it, so they read as external. */
export const defaultBaseUri = 'https://downstream.invalid/schema';

// Keywords whose value is a schema, an array of schemas, or a map of named schemas (both drafts).
const singleSchemaKeywords = [
  'additionalProperties', 'additionalItems', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
];
const schemaArrayKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const schemaMapKeywords = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'];

function subschemas(source: JsonSchemaFile, node: SchemaNode): SchemaNode[] {
  const value = node.value;
  if (!isJsonObject(value)) return [];
  const found: SchemaNode[] = [];
  const add = (...segments: string[]): void => {
    const child = findChildNode(source, node, segments);
    if (child !== undefined && (isJsonObject(child.value) || typeof child.value === 'boolean')) found.push(child);
  };
  for (const keyword of singleSchemaKeywords) add(keyword);
  for (const keyword of schemaArrayKeywords) {
    const members = value[keyword];
    if (Array.isArray(members)) members.forEach((_member, index) => add(keyword, String(index)));
  }
  for (const keyword of schemaMapKeywords) {
    const members = value[keyword];
    if (isJsonObject(members)) for (const name of Object.keys(members)) add(keyword, name);
  }
  return found;
}

/** The root node of a document, with the base URI its `$id` gives it. */
export function readRootNode(source: JsonSchemaFile, root: unknown): SchemaNode {
  return { value: root, pointer: [], base: rebase(source, root, [], defaultBaseUri) };
}

/** Every resource (`$id`) and anchor (`$anchor`, draft-07 `$id: "#name"`) the document embeds. */
export function indexResources(source: JsonSchemaFile, rootNode: SchemaNode): ResourceIndex {
  const resources = new Map<string, readonly string[]>([[rootNode.base, rootNode.pointer]]);
  const anchors = new Map<string, readonly string[]>();
  const visit = (node: SchemaNode, outerBase: string): void => {
    const value = node.value;
    if (!isJsonObject(value)) return;
    if (node.base !== outerBase) resources.set(node.base, node.pointer);
    const id = value.$id;
    if (typeof id === 'string' && id.startsWith('#') && id.length > 1) anchors.set(`${node.base}#${id.slice(1)}`, node.pointer);
    for (const keyword of ['$anchor', '$dynamicAnchor']) {
      const anchor = value[keyword];
      if (typeof anchor !== 'string') continue;
      const key = `${node.base}#${anchor}`;
      const earlier = anchors.get(key);
      if (earlier !== undefined && earlier.join('/') !== node.pointer.join('/')) throw schemaErrorAt(source, [...node.pointer, keyword], `duplicate anchor ${JSON.stringify(anchor)}`);
      anchors.set(key, node.pointer);
    }
    for (const child of subschemas(source, node)) visit(child, node.base);
  };
  visit(rootNode, rootNode.base);
  return { resources, anchors };
}
