import avsc from 'avsc';
import { SchemaError } from '../../schema-error.js';
import type { AvscTrace } from './locate-avro-error.js';
import { locateAvscError } from './locate-avro-error.js';
import type { AvroJson } from './avro-json.js';
import { indexJsonPointers } from './avro-json.js';

// avsc checks every part of the value it is handed and throws on what Avro rejects; this guard
// only lets parsed JSON that could be a schema through to it. Anything else the walk refuses.
function isAvscInput(value: unknown): value is avsc.Schema {
  return typeof value === 'string' || (typeof value === 'object' && value !== null);
}

export type AvroValidationInput = { file: string; raw: unknown; json: AvroJson };

/**
 * What makes the schema invalid as Avro sees it (avsc, with named types required to have names,
 * as the spec asks): an `invalid-schema` error at the line of the node avsc was reading, or
 * undefined when the schema is valid. `explained` is false when avsc tripped over malformed input
 * (a TypeError rather than a message for people), so the caller may find a clearer one.
 */
export function findAvroSchemaProblem(input: AvroValidationInput): { error: SchemaError; explained: boolean } | undefined {
  if (!isAvscInput(input.raw)) return undefined;
  const trace: AvscTrace = { lastObject: undefined, lastString: undefined, stringCounts: new Map() };
  const pointers = indexJsonPointers(input.raw);
  try {
    avsc.Type.forSchema(input.raw, {
      registry: {},
      noAnonymousTypes: true,
      typeHook: (schema) => {
        if (typeof schema === 'string') {
          trace.lastString = schema;
          trace.stringCounts.set(schema, (trace.stringCounts.get(schema) ?? 0) + 1);
        } else if (typeof schema === 'object' && pointers.has(schema)) {
          // Objects avsc builds itself (`{type: "int"}` for a primitive name) are not in the file.
          trace.lastObject = schema;
          trace.lastString = undefined;
          trace.stringCounts.clear();
        }
        return undefined;
      },
    });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const located = locateAvscError(message, { raw: input.raw, json: input.json, pointers, trace });
    const schemaError = new SchemaError('invalid-schema', input.file, `invalid Avro schema: ${located.message}`, { line: located.line, format: 'avro' });
    return { error: schemaError, explained: !(error instanceof TypeError) };
  }
}
