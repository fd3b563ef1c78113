import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../schema-error.js';
import { avroReader } from './read-avro.js';

function readError(lines: string[]): SchemaError {
  try {
    avroReader.read({ path: 'schemas/new.avsc', text: lines.join('\n') });
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('the schema was read without error');
}

const userWith = (...fieldLines: string[]): string[] => [
  '{',
  '  "type": "record",',
  '  "name": "User",',
  '  "namespace": "com.acme.users",',
  '  "fields": [',
  '    { "name": "id", "type": "long" },',
  ...fieldLines,
  '  ]',
  '}',
];

describe('avroReader: refusals name the problem and its line', () => {
  it.each([
    [
      'invalid JSON',
      ['{', '  "type": "record",', '  "name": "User"', '  "fields": []', '}'],
      'invalid-syntax',
      'schemas/new.avsc:4: invalid JSON: comma expected',
    ],
    [
      'an unknown type name, resolved in the namespace',
      userWith('    { "name": "address", "type": "Adress" }'),
      'invalid-schema',
      'schemas/new.avsc:7: invalid Avro schema: unknown type "Adress" (resolved as com.acme.users.Adress)',
    ],
    [
      'an unknown type name inside an array',
      userWith('    { "name": "tags",', '      "type": { "type": "array", "items": "strng" } }'),
      'invalid-schema',
      'schemas/new.avsc:8: invalid Avro schema: unknown type "strng" (resolved as com.acme.users.strng)',
    ],
    [
      'an unknown type keyword',
      userWith('    { "name": "tags", "type": { "type": "list", "items": "string" } }'),
      'invalid-schema',
      'schemas/new.avsc:7: invalid Avro schema: unknown type "list"',
    ],
    [
      'a reference that only resolves in another namespace',
      userWith(
        '    { "name": "geo", "type": { "type": "record", "name": "Geo", "namespace": "com.acme.geo", "fields": [',
        '      { "name": "country", "type": { "type": "enum", "name": "Country", "symbols": ["FR"] } },',
        '      { "name": "billing_country", "type": "Country" } ] } },',
        '    { "name": "country", "type": "Country" }',
      ),
      'invalid-schema',
      'schemas/new.avsc:10: invalid Avro schema: unknown type "Country" (resolved as com.acme.users.Country)',
    ],
    [
      'a duplicate field name',
      userWith('    { "name": "email", "type": "string" },', '    { "name": "id", "type": "int" }'),
      'invalid-schema',
      'schemas/new.avsc:8: invalid Avro schema: duplicate field name "id" in record User',
    ],
    [
      'a default that does not match the type',
      userWith('    { "name": "age",', '      "type": "int",', '      "default": "ten" }'),
      'invalid-schema',
      'schemas/new.avsc:9: invalid Avro schema: field "age": default "ten" does not match its type',
    ],
    [
      'a union default that does not match the first branch',
      userWith('    { "name": "email", "type": ["null", "string"], "default": "none" }'),
      'invalid-schema',
      `schemas/new.avsc:7: invalid Avro schema: field "email": default "none" does not match its type; a union's default must match its first branch ("null")`,
    ],
    [
      'a bad default on a nested field',
      userWith('    { "name": "address", "type": { "type": "record", "name": "Address", "fields": [', '      { "name": "zip", "type": "string", "default": 75001 } ] } }'),
      'invalid-schema',
      'schemas/new.avsc:8: invalid Avro schema: field "zip": default 75001 does not match its type',
    ],
    [
      'a field without a type',
      userWith('    { "name": "age" }'),
      'invalid-schema',
      'schemas/new.avsc:7: invalid Avro schema: field "age" has no "type"',
    ],
    [
      'an invalid field name',
      userWith('    { "name": "e-mail", "type": "string" }'),
      'invalid-schema',
      'schemas/new.avsc:7: invalid Avro schema: invalid field name "e-mail"',
    ],
    [
      'a duplicate enum symbol',
      userWith('    { "name": "status", "type": { "type": "enum", "name": "Status",', '      "symbols": ["ACTIVE", "ACTIVE"] } }'),
      'invalid-schema',
      'schemas/new.avsc:8: invalid Avro schema: duplicate "com.acme.users.Status" symbol: "ACTIVE"',
    ],
    [
      'an enum without a name',
      userWith('    { "name": "status", "type": { "type": "enum", "symbols": ["ACTIVE"] } }'),
      'invalid-schema',
      'schemas/new.avsc:7: invalid Avro schema: a record, enum or fixed type has no "name"',
    ],
    [
      'a type name declared twice',
      userWith(
        '    { "name": "home", "type": { "type": "record", "name": "Address", "fields": [] } },',
        '    { "name": "work", "type": { "type": "record",',
        '      "name": "Address", "fields": [] } }',
      ),
      'invalid-schema',
      'schemas/new.avsc:9: invalid Avro schema: duplicate type name: com.acme.users.Address',
    ],
    [
      'JSON null as a type',
      userWith('    { "name": "nothing", "type": null }'),
      'invalid-schema',
      'schemas/new.avsc:7: invalid Avro schema: a type is JSON null (did you mean the string "null"?)',
    ],
    [
      'a top-level type that is not a record',
      ['{', '  "type": "enum",', '  "name": "Status",', '  "symbols": ["ACTIVE"]', '}'],
      'invalid-schema',
      'schemas/new.avsc:2: invalid Avro schema: the top-level type must be a record (or a union of records), not "enum"',
    ],
    [
      'a top-level primitive',
      ['"string"'],
      'invalid-schema',
      'schemas/new.avsc:1: invalid Avro schema: the top-level type must be a record (or a union of records), not "string"',
    ],
    [
      'a top-level union with a non-record branch',
      ['[', '  { "type": "record", "name": "Created", "fields": [] },', '  "null"', ']'],
      'invalid-schema',
      'schemas/new.avsc:3: invalid Avro schema: a top-level union may hold only records; branch 2 is "null"',
    ],
  ])('refuses %s', (_label, lines, code, message) => {
    const error = readError(lines);
    expect(error.code).toBe(code);
    expect(error.format).toBe('avro');
    expect(error.describe()).toBe(message);
  });

  it('says an empty file is empty', () => {
    expect(readError(['']).describe()).toBe('schemas/new.avsc:1: invalid JSON: file is empty');
  });
});
