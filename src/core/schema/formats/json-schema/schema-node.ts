import { SchemaError } from '../../schema-error.js';
import type { JsonText } from '../json-text.js';
import { lineOfJsonPath } from '../json-text.js';
import type { JsonSchemaDraft } from './json-schema-draft.js';
import { isJsonObject } from './json-value.js';

/** The document being read: its path for messages, its parsed JSON for values and lines. */
export type JsonSchemaFile = { path: string; json: JsonText };

/** A schema value with where it sits in the document and the base URI its `$ref`s resolve against. */
export type SchemaNode = { value: unknown; pointer: readonly string[]; base: string };

/** Embedded resources (`$id`) and anchors of one document, by absolute URI, as document pointers. */
export type ResourceIndex = {
  resources: ReadonlyMap<string, readonly string[]>;
  anchors: ReadonlyMap<string, readonly string[]>;
};

/** What every step of reading one document needs. */
export type ReadContext = {
  source: JsonSchemaFile;
  draft: JsonSchemaDraft;
  root: SchemaNode;
  index: ResourceIndex;
  /** Name for a `$ref` to the whole document. */
  datasetName: string;
};

/** An `invalid-schema` error at the line of a place in the document (its key for an object member), else of its nearest ancestor. */
export function schemaErrorAt(source: JsonSchemaFile, pointer: readonly string[], message: string): SchemaError {
  return new SchemaError('invalid-schema', source.path, message, { line: lineOfJsonPath(source.json, pointer, 'key'), format: 'json-schema' });
}

/** A URI without its fragment: the key of the resource it names. */
export function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? uri : uri.slice(0, hash);
}

/** The base URI inside a schema: its own `$id` (resolved against the outer base) when it has one. */
export function rebase(source: JsonSchemaFile, value: unknown, pointer: readonly string[], base: string): string {
  if (!isJsonObject(value)) return base;
  const id = value.$id;
  // A fragment-only $id is a draft-07 anchor, not a new resource.
  if (typeof id !== 'string' || id.startsWith('#')) return base;
  try {
    return withoutFragment(new URL(id, base).href);
  } catch {
    throw schemaErrorAt(source, [...pointer, '$id'], `invalid $id ${JSON.stringify(id)}`);
  }
}

/** The node a path of segments leads to below `node`, if every step exists. */
export function findChildNode(source: JsonSchemaFile, node: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  let current = node;
  for (const segment of segments) {
    const container = current.value;
    let value: unknown;
    if (Array.isArray(container)) {
      if (!/^\d+$/.test(segment)) return undefined;
      value = container[Number(segment)];
    } else if (isJsonObject(container) && Object.hasOwn(container, segment)) {
      value = container[segment];
    }
    if (value === undefined) return undefined;
    const pointer = [...current.pointer, segment];
    current = { value, pointer, base: rebase(source, value, pointer, current.base) };
  }
  return current;
}
