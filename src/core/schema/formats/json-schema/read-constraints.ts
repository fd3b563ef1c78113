import type { FieldConstraints } from '../../types.js';
import type { JsonObject } from './json-value.js';

const numericKeywords = [
  'maxLength', 'minLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems',
] as const;

// Values that restrict nothing, left out so that spelling out a default is not a change.
const noOpValues: Readonly<Record<string, number>> = { minLength: 0, minItems: 0 };

/**
 * The value constraints a schema states itself, under their keyword names. Numbers come from
 * JSON.parse, so `10`, `10.0` and `1e1` are one value.
 */
export function readConstraints(schema: JsonObject): FieldConstraints {
  const constraints: FieldConstraints = {};
  for (const keyword of numericKeywords) {
    const value = schema[keyword];
    if (typeof value === 'number' && noOpValues[keyword] !== value) constraints[keyword] = value;
  }
  if (typeof schema.pattern === 'string') constraints.pattern = schema.pattern;
  if (schema.uniqueItems === true) constraints.uniqueItems = true;
  return constraints;
}

/** Constraints of an array's elements or a map's values, kept under `items.` / `values.` keys. */
export function prefixConstraints(prefix: string, constraints: FieldConstraints): FieldConstraints {
  const prefixed: FieldConstraints = {};
  for (const [key, value] of Object.entries(constraints)) prefixed[`${prefix}.${key}`] = value;
  return prefixed;
}
