import type { ReadContext, SchemaNode } from './schema-node.js';
import { findChildNode, schemaErrorAt, withoutFragment } from './schema-node.js';
import { decodeJsonPointer, encodeJsonPointer } from '../json-text.js';
import { findString, isJsonObject } from './json-value.js';

/** Where a `$ref` leads: the schema, a key that is the same for every ref to it, and its name. */
export type RefTarget = { node: SchemaNode; key: string; name: string };

function fragmentOf(uri: string): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? '' : uri.slice(hash + 1);
}

function decodeFragment(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}

/**
 * The schema a `$ref` names inside this document: a JSON pointer (`#/$defs/Address`, with `~0`/`~1`
 * escapes), an anchor, or an embedded resource's `$id`. Anything else is another file, which a
 * single-file reader cannot see, so it is refused rather than guessed.
 */
export function getRefTargetOrThrow(context: ReadContext, node: SchemaNode, ref: string): RefTarget {
  const at = [...node.pointer, '$ref'];
  let uri: string;
  try {
    uri = new URL(ref, node.base).href;
  } catch {
    throw schemaErrorAt(context.source, at, ref.startsWith('#') ? `invalid $ref ${JSON.stringify(ref)}` : `external $ref not supported: ${ref}`);
  }
  const resource = context.index.resources.get(withoutFragment(uri));
  if (resource === undefined) throw schemaErrorAt(context.source, at, `external $ref not supported: ${ref}`);
  const fragment = decodeFragment(fragmentOf(uri));
  if (fragment === undefined) throw schemaErrorAt(context.source, at, `invalid $ref ${JSON.stringify(ref)}`);

  let pointer: readonly string[] | undefined;
  if (fragment === '') pointer = resource;
  else if (fragment.startsWith('/')) pointer = [...resource, ...decodeJsonPointer(fragment)];
  else pointer = context.index.anchors.get(`${withoutFragment(uri)}#${fragment}`);
  const target = pointer === undefined ? undefined : findChildNode(context.source, context.root, pointer);
  if (pointer === undefined || target === undefined) throw schemaErrorAt(context.source, at, `$ref target not found: ${ref}`);
  return { node: target, key: encodeJsonPointer(pointer), name: nameOfTarget(context, target, fragment) };
}

function nameOfTarget(context: ReadContext, target: SchemaNode, fragment: string): string {
  if (fragment !== '' && !fragment.startsWith('/')) return fragment;
  const last = target.pointer.at(-1);
  if (fragment !== '' && last !== undefined) return last;
  const title = isJsonObject(target.value) ? findString(target.value, 'title') : undefined;
  return title ?? last ?? context.datasetName;
}
