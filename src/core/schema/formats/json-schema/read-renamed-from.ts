import { z } from 'zod';
import type { JsonSchemaFile, SchemaNode } from './schema-node.js';
import { schemaErrorAt } from './schema-node.js';
import { isJsonObject } from './json-value.js';

const renamedFromSchema = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]);

/**
 * Earlier names a property declares with `x-renamed-from` (a name, a dotted path for a move, or a
 * list of them). Read from the property itself, never from a shared `$ref` target.
 */
export function readRenamedFrom(source: JsonSchemaFile, node: SchemaNode): string[] {
  const schema = node.value;
  if (!isJsonObject(schema) || !Object.hasOwn(schema, 'x-renamed-from')) return [];
  const parsed = renamedFromSchema.safeParse(schema['x-renamed-from']);
  if (!parsed.success) {
    throw schemaErrorAt(source, [...node.pointer, 'x-renamed-from'], 'x-renamed-from must be a non-empty string or a non-empty array of non-empty strings');
  }
  return typeof parsed.data === 'string' ? [parsed.data] : [...new Set(parsed.data)];
}
