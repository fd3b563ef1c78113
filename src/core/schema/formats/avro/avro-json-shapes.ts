import { z } from 'zod';

// Shapes of the raw schema JSON, one node at a time (the walk recurses by hand, so `type`, `items`
// and `values` stay unknown here). Avro allows extra attributes, hence loose objects.

// Metadata that does not change what a value is: ignored rather than refused when malformed.
const optionalText = z.string().optional().catch(undefined);

/** A record field as written. */
export const avroFieldJson = z.looseObject({
  name: z.string(),
  type: z.unknown().optional(),
  doc: optionalText,
  aliases: z.array(z.string()).optional(),
  default: z.unknown().optional(),
  deprecated: z.unknown().optional(),
});

/** Any object-form type: a record, enum, fixed, array, map, or a primitive with attributes. */
export const avroTypeJson = z.looseObject({
  type: z.string(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  doc: optionalText,
  fields: z.array(z.unknown()).optional(),
  symbols: z.array(z.string()).optional(),
  items: z.unknown().optional(),
  values: z.unknown().optional(),
  size: z.number().optional(),
  logicalType: optionalText,
  precision: z.unknown().optional(),
  scale: z.unknown().optional(),
  deprecated: z.unknown().optional(),
});

export type AvroFieldJson = z.infer<typeof avroFieldJson>;
export type AvroTypeJson = z.infer<typeof avroTypeJson>;

/** Avro has no deprecation flag; producers add `"deprecated": true` (or a reason) as an extra attribute. */
export function isDeprecatedFlag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim() !== '');
}
