import type { FieldType } from '../../types.js';

/** A scalar's canonical type, and whether its `format` was used up in choosing it. */
export type ScalarType = { type: FieldType; formatUsed: boolean };

type ScalarJsonType = 'string' | 'integer' | 'number' | 'boolean';

// Formats that change the kind rather than restrict the values.
const kindsByFormat: Readonly<Record<ScalarJsonType, ReadonlyMap<string, FieldType['kind']>>> = {
  string: new Map([['date', 'date'], ['date-time', 'timestamp']]),
  integer: new Map([['int32', 'int'], ['int64', 'long']]),
  number: new Map([['float', 'float'], ['double', 'double']]),
  boolean: new Map(),
};

const defaultKinds: Readonly<Record<ScalarJsonType, FieldType['kind']>> = { string: 'string', integer: 'long', number: 'double', boolean: 'boolean' };

/**
 * The canonical type of a JSON scalar: `integer` → long (`int32` → int), `number` → double
 * (`float` → float), `string` → string (`date` → date, `date-time` → timestamp, base64 → bytes).
 * `name` is the JSON Schema spelling, e.g. `string/date-time`.
 */
export function decideScalarType(jsonType: ScalarJsonType, format: string | undefined, contentEncoding: string | undefined): ScalarType {
  const byFormat = format === undefined ? undefined : kindsByFormat[jsonType].get(format);
  if (byFormat !== undefined) return { type: { kind: byFormat, name: `${jsonType}/${format}` }, formatUsed: true };
  const name = format === undefined ? jsonType : `${jsonType}/${format}`;
  if (jsonType === 'string' && contentEncoding === 'base64') return { type: { kind: 'bytes', name: `${name}/base64` }, formatUsed: false };
  return { type: { kind: defaultKinds[jsonType], name }, formatUsed: false };
}
