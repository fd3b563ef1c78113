import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../schema-error.js';
import { protobufReader } from './read-protobuf.js';

function readError(lines: string[]): SchemaError {
  try {
    protobufReader.read({ path: 'schemas/new.proto', text: lines.join('\n') });
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('the file was read without error');
}

describe('protobufReader: refusals name the problem and its line', () => {
  it.each([
    [
      'a missing semicolon (protobufjs reports the next token)',
      ['syntax = "proto3";', 'package acme.users.v1;', 'message User {', '  int64 id = 1', '  string email = 2;', '}'],
      'invalid-syntax',
      `schemas/new.proto:5: invalid protobuf syntax: illegal token 'string', ';' expected`,
    ],
    [
      'a missing field number',
      ['syntax = "proto3";', 'message User {', '  int64 id = ;', '}'],
      'invalid-syntax',
      `schemas/new.proto:3: invalid protobuf syntax: illegal id ';'`,
    ],
    [
      'an unclosed message',
      ['syntax = "proto3";', 'package acme.users.v1;', 'message User {', '  int64 id = 1;', ''],
      'invalid-syntax',
      'schemas/new.proto:5: invalid protobuf syntax: unexpected end of file',
    ],
    [
      'a proto2 field without a label',
      ['syntax = "proto2";', 'message User {', '  int64 id = 1;', '}'],
      'invalid-syntax',
      `schemas/new.proto:3: invalid protobuf syntax: illegal token 'int64'`,
    ],
    [
      'an unknown syntax',
      ['syntax = "proto4";', 'message User { int64 id = 1; }'],
      'invalid-syntax',
      'schemas/new.proto:1: invalid protobuf syntax: unsupported syntax or edition "proto4"',
    ],
    [
      'a field number used twice (at the second use)',
      ['syntax = "proto3";', 'package acme;', 'message Other { int64 x = 2; }', 'message User {', '  int64 id = 1;', '  string email = 2;', '  string name = 2;', '}'],
      'invalid-schema',
      'schemas/new.proto:7: invalid protobuf schema: duplicate id 2 in Type User',
    ],
    [
      'a field name used twice (at the second use)',
      ['syntax = "proto3";', 'package acme;', 'message User {', '  int64 id = 1;', '  string id = 2;', '}'],
      'invalid-schema',
      `schemas/new.proto:5: invalid protobuf schema: duplicate name 'id' in Type User`,
    ],
  ])('refuses %s', (_label, lines, code, message) => {
    const error = readError(lines);
    expect(error.code).toBe(code);
    expect(error.format).toBe('protobuf');
    expect(error.describe()).toBe(message);
  });
});
