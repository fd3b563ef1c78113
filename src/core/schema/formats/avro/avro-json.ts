import type { JsonNode, JsonText } from '../json-text.js';
import { decodeJsonPointer, encodeJsonPointer, lineOfJsonPath } from '../json-text.js';

/**
 * The parsed file as the Avro reader points into it: every value of the syntax tree by JSON
 * pointer (`/fields/2/type`), in document order, because avsc's errors are found by searching it.
 */
export type AvroJson = { json: JsonText; byPointer: ReadonlyMap<string, JsonNode> };

/** Indexes every value of a parsed file by its JSON pointer. */
export function indexAvroJson(json: JsonText): AvroJson {
  const byPointer = new Map<string, JsonNode>();
  const visit = (node: JsonNode, pointer: string): void => {
    byPointer.set(pointer, node);
    for (const [index, child] of (node.children ?? []).entries()) {
      if (node.type === 'array') visit(child, `${pointer}/${index}`);
      const [key, value] = child.children ?? [];
      if (node.type === 'object' && key !== undefined && value !== undefined) visit(value, `${pointer}${encodeJsonPointer([String(key.value)])}`);
    }
  };
  visit(json.tree, '');
  return { json, byPointer };
}

/** The 1-based line of the value at a pointer (or of its key), falling back to its nearest existing ancestor. */
export function lineOfPointer(avroJson: AvroJson, pointer: string, of: 'key' | 'value' = 'value'): number {
  return lineOfJsonPath(avroJson.json, decodeJsonPointer(pointer), of);
}

/** The JSON pointer of every object and array of a parsed document, by identity (avsc hands back the objects). */
export function indexJsonPointers(root: unknown): WeakMap<object, string> {
  const index = new WeakMap<object, string>();
  const visit = (value: unknown, pointer: string): void => {
    if (typeof value !== 'object' || value === null) return;
    index.set(value, pointer);
    const entries = Array.isArray(value) ? value.map((item, at) => [String(at), item] as const) : Object.entries(value);
    for (const [key, item] of entries) visit(item, `${pointer}${encodeJsonPointer([key])}`);
  };
  visit(root, '');
  return index;
}

/** The value a JSON pointer names in a parsed document, if any. */
export function findJsonValue(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of decodeJsonPointer(pointer)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Array.isArray(current) ? current[Number(segment)] : Object.entries(current).find(([key]) => key === segment)?.[1];
  }
  return current;
}
