import type { FieldConstraints, FieldType } from '../../types.js';
import type { AvroTypeJson } from './avro-json-shapes.js';

/** A type in the canonical model, with the constraints it puts on the field that holds it. */
export type MappedAvroType = { type: FieldType; constraints?: FieldConstraints };

const timestamps = new Set([
  'timestamp-millis', 'timestamp-micros', 'timestamp-nanos',
  'local-timestamp-millis', 'local-timestamp-micros', 'local-timestamp-nanos',
]);

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

// The most decimal digits a two's-complement number of `size` bytes can hold (Avro spec, "Decimal").
function maxDecimalDigits(size: number): number {
  return Math.floor(Math.log10(2 ** (8 * size - 1) - 1));
}

function mapDecimal(node: AvroTypeJson, base: string): MappedAvroType | undefined {
  const scale = node.scale ?? 0;
  if (!isPositiveInteger(node.precision) || typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0 || scale > node.precision) return undefined;
  if (base === 'fixed' && (node.size === undefined || node.precision > maxDecimalDigits(node.size))) return undefined;
  if (base !== 'fixed' && base !== 'bytes') return undefined;
  return { type: { kind: 'decimal', name: 'decimal' }, constraints: { precision: node.precision, scale } };
}

/**
 * The canonical type of a logical type annotation on `base` (a primitive name or `fixed`), or
 * undefined when the annotation is unknown or invalid: the Avro spec says readers then use the
 * underlying type, which is what avsc does too.
 */
export function mapAvroLogicalType(node: AvroTypeJson, base: string): MappedAvroType | undefined {
  const logical = node.logicalType;
  if (logical === undefined) return undefined;
  if (logical === 'decimal') return mapDecimal(node, base);
  if (logical === 'big-decimal') return base === 'bytes' ? { type: { kind: 'decimal', name: logical } } : undefined;
  if (logical === 'date') return base === 'int' ? { type: { kind: 'date', name: logical } } : undefined;
  if (logical === 'time-millis') return base === 'int' ? { type: { kind: 'int', name: logical } } : undefined;
  if (logical === 'time-micros') return base === 'long' ? { type: { kind: 'long', name: logical } } : undefined;
  if (timestamps.has(logical)) return base === 'long' ? { type: { kind: 'timestamp', name: logical } } : undefined;
  if (logical === 'uuid') return base === 'string' || (base === 'fixed' && node.size === 16) ? { type: { kind: 'string', name: logical } } : undefined;
  if (logical === 'duration') return base === 'fixed' && node.size === 12 ? { type: { kind: 'unknown', name: logical } } : undefined;
  return undefined;
}
