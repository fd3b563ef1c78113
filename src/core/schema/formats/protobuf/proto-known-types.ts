import type { FieldType, FieldTypeKind } from '../../types.js';

const scalarKinds: Readonly<Record<string, FieldTypeKind>> = {
  int32: 'int', sint32: 'int', sfixed32: 'int', uint32: 'int', fixed32: 'int',
  int64: 'long', sint64: 'long', sfixed64: 'long', uint64: 'long', fixed64: 'long',
  float: 'float', double: 'double', bool: 'boolean', string: 'string', bytes: 'bytes',
};

/** The canonical type of a protobuf scalar (`int32`, `bytes`, …), or undefined for a named type. */
export function findProtoScalarType(name: string): FieldType | undefined {
  const kind = scalarKinds[name];
  return kind === undefined ? undefined : { kind, name };
}

// The google.protobuf messages with a meaning of their own. Wrappers are the wrapped scalar (they
// are messages, so unset reads as null); Struct, Value, ListValue and Any carry free-form JSON.
const knownKinds: Readonly<Record<string, { kind: FieldTypeKind; fields?: [] }>> = {
  Timestamp: { kind: 'timestamp' },
  Duration: { kind: 'unknown' },
  DoubleValue: { kind: 'double' },
  FloatValue: { kind: 'float' },
  Int64Value: { kind: 'long' },
  UInt64Value: { kind: 'long' },
  Int32Value: { kind: 'int' },
  UInt32Value: { kind: 'int' },
  BoolValue: { kind: 'boolean' },
  StringValue: { kind: 'string' },
  BytesValue: { kind: 'bytes' },
  Struct: { kind: 'json' },
  Value: { kind: 'json' },
  ListValue: { kind: 'json' },
  Any: { kind: 'json' },
  Empty: { kind: 'record', fields: [] },
};

/** A `google.protobuf.*` well-known type by its written name (with or without a leading dot). */
export function findProtoKnownType(written: string): FieldType | undefined {
  const name = written.replace(/^\./, '');
  if (!name.startsWith('google.protobuf.')) return undefined;
  const known = knownKinds[name.slice('google.protobuf.'.length)];
  if (known === undefined) return undefined;
  return known.fields === undefined ? { kind: known.kind, name } : { kind: known.kind, name, fields: [] };
}
