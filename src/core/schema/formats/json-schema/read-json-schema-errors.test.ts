import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../schema-error.js';
import { jsonSchemaReader } from './read-json-schema.js';

const path = 'contracts/order.schema.json';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

function readError(text: string): SchemaError {
  try {
    jsonSchemaReader.read({ path, text });
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('the reader accepted the document');
}

// [what, document, code, line, message]
const errorCases: Array<[string, string, string, number, string]> = [
  ['invalid JSON (a missing comma)', lines('{', '  "type": "object"', '  "properties": {}', '}'), 'invalid-syntax', 3,
    'invalid JSON: comma expected'],
  ['an empty file', '', 'invalid-syntax', 1, 'invalid JSON: file is empty'],
  ['a misspelt type', lines('{', '  "type": "object",', '  "properties": {', '    "id": { "type": "strin" }', '  }', '}'), 'invalid-schema', 4,
    'invalid schema: "type" at #/properties/id must be equal to one of the allowed values (array, boolean, integer, null, number, object, string)'],
  ['required as a string', lines('{', '  "type": "object",', '  "required": "id",', '  "properties": { "id": { "type": "string" } }', '}'), 'invalid-schema', 3,
    'invalid schema: "required" at # must be array'],
  ['a negative maxLength', lines('{', '  "type": "object",', '  "properties": {', '    "id": {', '      "type": "string",', '      "maxLength": -1', '    }', '  }', '}'),
    'invalid-schema', 6, 'invalid schema: "maxLength" at #/properties/id must be >= 0'],
  ['a property that is not a schema', lines('{', '  "type": "object",', '  "properties": {', '    "id": 5', '  }', '}'), 'invalid-schema', 4,
    'invalid schema: #/properties/id must be object,boolean'],
  ['a root that is not an object schema', lines('{', '  "title": "order",', '  "type": "string"', '}'), 'invalid-schema', 3, 'root is not an object schema'],
  ['an object root without properties', lines('{', '  "type": "object",', '  "additionalProperties": { "type": "string" }', '}'), 'invalid-schema', 2, 'root is not an object schema'],
  ['a root that is a union', lines('{', '  "anyOf": [{ "type": "object", "properties": {} }, { "type": "null" }]', '}'), 'invalid-schema', 1, 'root is not an object schema'],
  ['an external $ref', lines('{', '  "type": "object",', '  "properties": {', '    "address": {', '      "$ref": "common.json#/definitions/Address"', '    }', '  }', '}'),
    'invalid-schema', 5, 'external $ref not supported: common.json#/definitions/Address'],
  ['an absolute external $ref', lines('{', '  "$id": "https://schemas.acme.io/order.json",', '  "properties": {', '    "a": { "$ref": "https://schemas.acme.io/address.json" }', '  }', '}'),
    'invalid-schema', 4, 'external $ref not supported: https://schemas.acme.io/address.json'],
  ['a $ref to nothing', lines('{', '  "type": "object",', '  "properties": {', '    "a": { "$ref": "#/$defs/Missing" }', '  },', '  "$defs": {}', '}'), 'invalid-schema', 4,
    '$ref target not found: #/$defs/Missing'],
  ['a $ref loop with no schema in it', lines('{', '  "properties": { "a": { "$ref": "#/$defs/A" } },', '  "$defs": {', '    "A": { "$ref": "#/$defs/B" },', '    "B": { "$ref": "#/$defs/A" }', '  }', '}'),
    'invalid-schema', 5, 'circular $ref: #/$defs/A leads back to itself without a schema in between'],
  ['a malformed x-renamed-from', lines('{', '  "properties": {', '    "email": {', '      "type": "string",', '      "x-renamed-from": 42', '    }', '  }', '}'), 'invalid-schema', 5,
    'x-renamed-from must be a non-empty string or a non-empty array of non-empty strings'],
  ['an unsupported $schema', lines('{', '  "$schema": "http://json-schema.org/draft-04/schema#",', '  "properties": {}', '}'), 'invalid-schema', 2,
    'unsupported $schema "http://json-schema.org/draft-04/schema#" (supported: http://json-schema.org/draft-07/schema#, https://json-schema.org/draft/2020-12/schema)'],
  ['an invalid pattern', lines('{', '  "properties": {', '    "zip": { "type": "string", "pattern": "[0-9" }', '  }', '}'), 'invalid-schema', 3,
    'invalid schema: "pattern" at #/properties/zip is not a valid regular expression'],
];

describe('JSON Schema: bad input', () => {
  it.each(errorCases)('refuses %s with one precise line', (_what, text, code, line, message) => {
    const error = readError(text);
    expect({ code: error.code, line: error.line, message: error.message, file: error.file, format: error.format }).toEqual({ code, line, message, file: path, format: 'json-schema' });
    expect(error.describe()).toBe(`${path}:${line}: ${message}`);
  });

  it('checks draft-07 documents against the draft-07 meta-schema', () => {
    const text = lines('{', '  "$schema": "http://json-schema.org/draft-07/schema#",', '  "properties": {', '    "id": { "type": "strin" }', '  }', '}');
    expect(readError(text)).toMatchObject({ line: 4, message: expect.stringContaining('"type" at #/properties/id must be equal to one of the allowed values') });
  });

  it('accepts x- keywords anywhere', () => {
    const text = lines('{', '  "x-owner": "team-orders",', '  "properties": { "id": { "type": "string", "x-pii": true, "x-renamed-from": ["order_id"] } }', '}');
    expect(jsonSchemaReader.read({ path, text }).datasets[0]?.fields[0]?.renamedFrom).toEqual(['order_id']);
  });
});
