import { encodeJsonPointer } from '../json-text.js';

// Members of these keywords are named by the schema author, not keywords themselves.
const namedSchemaMaps = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);

/**
 * Where a keyword sits, for messages: `"type" at #/properties/id` when the pointer ends on a
 * keyword, else the pointer itself (`#/required/0`, `#/$defs/address`).
 */
export function describePointer(segments: readonly string[]): string {
  const last = segments.at(-1);
  const parent = segments.at(-2);
  const isKeyword = last !== undefined && !/^\d+$/.test(last) && (parent === undefined || !namedSchemaMaps.has(parent));
  if (!isKeyword) return `#${encodeJsonPointer(segments)}`;
  return `"${last}" at #${encodeJsonPointer(segments.slice(0, -1))}`;
}
