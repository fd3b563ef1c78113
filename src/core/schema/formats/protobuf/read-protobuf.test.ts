import { describe, expect, it } from 'vitest';
import type { DatasetSchema, Field } from '../../types.js';
import { protobufReader } from './read-protobuf.js';

function readProto(text: string): DatasetSchema[] {
  return protobufReader.read({ path: 'user.proto', text }).datasets;
}

/** The field `declaration` becomes inside message acme.users.v1.User of a file in `syntax`. */
function readField(declaration: string, syntax = 'syntax = "proto3";', extra = ''): Field {
  const [dataset] = readProto(`${syntax}\npackage acme.users.v1;\nmessage User {\n  ${declaration}\n  ${extra}\n}\n`);
  const [field] = dataset?.fields ?? [];
  if (field === undefined) throw new Error('no field read');
  return field;
}

const proto2 = 'syntax = "proto2";';
const edition2023 = 'edition = "2023";';

describe('protobufReader: field types', () => {
  it.each([
    ['int32 value = 1;', { kind: 'int', name: 'int32' }],
    ['sint32 value = 1;', { kind: 'int', name: 'sint32' }],
    ['sfixed32 value = 1;', { kind: 'int', name: 'sfixed32' }],
    ['uint32 value = 1;', { kind: 'int', name: 'uint32' }],
    ['fixed32 value = 1;', { kind: 'int', name: 'fixed32' }],
    ['int64 value = 1;', { kind: 'long', name: 'int64' }],
    ['sint64 value = 1;', { kind: 'long', name: 'sint64' }],
    ['sfixed64 value = 1;', { kind: 'long', name: 'sfixed64' }],
    ['uint64 value = 1;', { kind: 'long', name: 'uint64' }],
    ['fixed64 value = 1;', { kind: 'long', name: 'fixed64' }],
    ['float value = 1;', { kind: 'float', name: 'float' }],
    ['double value = 1;', { kind: 'double', name: 'double' }],
    ['bool value = 1;', { kind: 'boolean', name: 'bool' }],
    ['string value = 1;', { kind: 'string', name: 'string' }],
    ['bytes value = 1;', { kind: 'bytes', name: 'bytes' }],
    ['repeated string value = 1;', { kind: 'array', of: { kind: 'string', name: 'string' } }],
    ['map<string, int64> value = 1;', { kind: 'map', of: { kind: 'long', name: 'int64' } }],
    ['google.protobuf.Timestamp value = 1;', { kind: 'timestamp', name: 'google.protobuf.Timestamp' }],
    ['.google.protobuf.Timestamp value = 1;', { kind: 'timestamp', name: 'google.protobuf.Timestamp' }],
    ['google.protobuf.Duration value = 1;', { kind: 'unknown', name: 'google.protobuf.Duration' }],
    ['google.protobuf.StringValue value = 1;', { kind: 'string', name: 'google.protobuf.StringValue' }],
    ['google.protobuf.Int64Value value = 1;', { kind: 'long', name: 'google.protobuf.Int64Value' }],
    ['google.protobuf.UInt32Value value = 1;', { kind: 'int', name: 'google.protobuf.UInt32Value' }],
    ['google.protobuf.DoubleValue value = 1;', { kind: 'double', name: 'google.protobuf.DoubleValue' }],
    ['google.protobuf.BoolValue value = 1;', { kind: 'boolean', name: 'google.protobuf.BoolValue' }],
    ['google.protobuf.BytesValue value = 1;', { kind: 'bytes', name: 'google.protobuf.BytesValue' }],
    ['google.protobuf.Struct value = 1;', { kind: 'json', name: 'google.protobuf.Struct' }],
    ['google.protobuf.Value value = 1;', { kind: 'json', name: 'google.protobuf.Value' }],
    ['google.protobuf.Any value = 1;', { kind: 'json', name: 'google.protobuf.Any' }],
    ['google.protobuf.Empty value = 1;', { kind: 'record', name: 'google.protobuf.Empty', fields: [] }],
    ['acme.billing.v1.Invoice value = 1;', { kind: 'unknown', name: 'acme.billing.v1.Invoice' }],
    ['repeated google.protobuf.Timestamp value = 1;', { kind: 'array', of: { kind: 'timestamp', name: 'google.protobuf.Timestamp' } }],
  ])('maps `%s` to %j', (declaration, expected) => {
    expect(readField(declaration).type).toEqual(expected);
  });

  it('maps an enum to its value names, ordered by number so reordering values changes nothing', () => {
    const field = readField('Status value = 1;', undefined, 'enum Status { ACTIVE = 1; STATUS_UNSPECIFIED = 0; BANNED = 2; }');
    expect(field.type).toEqual({ kind: 'enum', name: 'acme.users.v1.User.Status', symbols: ['STATUS_UNSPECIFIED', 'ACTIVE', 'BANNED'] });
  });

  it('expands a nested message as a record whose fields have full paths, inside arrays and maps too', () => {
    const extra = 'message Address { string zip = 1; }';
    expect(readField('Address value = 1;', undefined, extra).type).toEqual({
      kind: 'record',
      name: 'acme.users.v1.User.Address',
      fields: [{ name: 'zip', path: ['value', 'zip'], type: { kind: 'string', name: 'string' }, nullable: false, hasDefault: true, id: 1, renamedFrom: [], deprecated: false }],
    });
    expect(readField('repeated Address value = 1;', undefined, extra).type.of?.fields?.[0]?.path).toEqual(['value', 'zip']);
    expect(readField('map<string, Address> value = 1;', undefined, extra).type.of?.fields?.[0]?.path).toEqual(['value', 'zip']);
  });
});

describe('protobufReader: presence (nullable, hasDefault)', () => {
  it.each([
    ['proto3 singular scalar', 'int32 value = 1;', undefined, false, true],
    ['proto3 singular enum', 'Kind value = 1;', undefined, false, true],
    ['proto3 optional scalar', 'optional int32 value = 1;', undefined, true, true],
    ['proto3 singular message', 'Address value = 1;', undefined, true, false],
    ['proto3 wrapper', 'google.protobuf.StringValue value = 1;', undefined, true, false],
    ['proto3 oneof scalar member', 'oneof contact { string value = 1; }', undefined, true, true],
    ['proto3 oneof message member', 'oneof contact { Address value = 1; }', undefined, true, false],
    ['proto3 repeated', 'repeated int32 value = 1;', undefined, false, true],
    ['proto3 map', 'map<string, string> value = 1;', undefined, false, true],
    ['proto2 required', 'required int32 value = 1;', proto2, false, false],
    ['proto2 optional scalar', 'optional int32 value = 1;', proto2, true, true],
    ['proto2 optional with a declared default', 'optional int32 value = 1 [default = 7];', proto2, true, true],
    ['proto2 repeated', 'repeated int32 value = 1;', proto2, false, true],
    ['edition 2023 scalar (explicit presence)', 'int32 value = 1;', edition2023, true, true],
    ['edition 2023 implicit presence', 'int32 value = 1 [features.field_presence = IMPLICIT];', edition2023, false, true],
    ['edition 2023 legacy required', 'int32 value = 1 [features.field_presence = LEGACY_REQUIRED];', edition2023, false, false],
  ])('%s', (_label, declaration, syntax, nullable, hasDefault) => {
    const extra = 'message Address { string zip = 1; } enum Kind { KIND_UNSPECIFIED = 0; }';
    const field = readField(declaration, syntax, syntax === proto2 ? 'message Address { optional string zip = 1; } enum Kind { KIND_A = 0; }' : extra);
    expect({ nullable: field.nullable, hasDefault: field.hasDefault }).toEqual({ nullable, hasDefault });
  });

  it('honours a file-level edition feature', () => {
    const field = readField('int32 value = 1;', `${edition2023}\noption features.field_presence = IMPLICIT;`);
    expect(field.nullable).toBe(false);
  });
});

describe('protobufReader: identity and metadata', () => {
  it('keeps field names as written (never camel-cased), the field number as id, deprecation and leading comments', () => {
    const field = readField('// Where we send receipts.\n  //   Verified at signup.\n  string user_email = 7 [deprecated = true];');
    expect(field).toMatchObject({ name: 'user_email', path: ['user_email'], id: 7, deprecated: true, description: 'Where we send receipts. Verified at signup.', renamedFrom: [] });
  });

  it('puts reserved numbers and names of a nested message on the field that holds it', () => {
    const field = readField('Address value = 1;', undefined, 'message Address { reserved "street", 9, 2 to 4; string zip = 1; }');
    expect(field.constraints).toEqual({ reserved: '2 to 4, 9, "street"' });
  });

  it('stops at a recursive reference: the message appears by name, without fields', () => {
    const field = readField('User referrer = 1;');
    expect(field.type).toEqual({ kind: 'record', name: 'acme.users.v1.User' });
  });

  it('resolves type names from the enclosing message outward', () => {
    const [dataset] = readProto(`syntax = "proto3";
package acme.users.v1;
message Zip { int64 code = 1; }
message User {
  message Zip { string code = 1; }
  message Address { Zip zip = 1; acme.users.v1.Zip postal = 2; }
  Address address = 1;
}`);
    const zip = dataset?.fields[0]?.type.fields;
    expect(zip?.[0]?.type).toMatchObject({ name: 'acme.users.v1.User.Zip', fields: [{ type: { kind: 'string' } }] });
    expect(zip?.[1]?.type).toMatchObject({ name: 'acme.users.v1.Zip', fields: [{ type: { kind: 'long' } }] });
  });
});

describe('protobufReader: datasets', () => {
  it('reads a root message as a dataset: package-qualified name, version from the package, reserved, deprecation, comment', () => {
    const [dataset] = readProto(`syntax = "proto3";
package acme.users.v2;
// A person with an account.
message User {
  option deprecated = true;
  reserved 15 to max, 3, "email", 5 to 7;
  reserved "phone";
  int64 id = 1;
}`);
    expect(dataset).toEqual({
      dataset: { name: 'User', physicalName: 'acme.users.v2.User' },
      format: 'protobuf',
      version: '2',
      fields: [{ name: 'id', path: ['id'], type: { kind: 'long', name: 'int64' }, nullable: false, hasDefault: true, id: 1, renamedFrom: [], deprecated: false }],
      constraints: { reserved: '3, 5 to 7, 15 to max, "email", "phone"' },
      deprecated: true,
      description: 'A person with an account.',
    });
  });

  it.each([
    ['only messages no other message uses', 'message User { Address address = 1; }\nmessage Address { string zip = 1; }\nmessage Order { User buyer = 1; }', ['Order']],
    ['every message when each is used by another (a cycle)', 'message A { B b = 1; }\nmessage B { A a = 1; }', ['A', 'B']],
    ['a message that only refers to itself', 'message Node { repeated Node children = 1; }\nmessage Tree { int32 size = 1; }', ['Node', 'Tree']],
    ['a message used only by its own nested messages', 'message User { message Friend { User user = 1; } repeated Friend friends = 1; }', ['User']],
  ])('reads %s as datasets', (_label, body, names) => {
    const datasets = readProto(`syntax = "proto3";\npackage acme.users.v1;\n${body}\n`);
    expect(datasets.map((dataset) => dataset.dataset.name)).toEqual(names);
  });

  it('names a dataset without a package by the message name alone', () => {
    expect(readProto('syntax = "proto3";\nmessage User { int64 id = 1; }')[0]?.dataset).toEqual({ name: 'User', physicalName: 'User' });
  });
});
