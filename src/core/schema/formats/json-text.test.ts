import { describe, expect, it } from 'vitest';
import { SchemaError } from '../schema-error.js';
import type { JsonPath } from './json-text.js';
import { decodeJsonPointer, encodeJsonPointer, lineOfJsonPath, parseJsonText } from './json-text.js';

function syntaxError(text: string): SchemaError {
  try {
    parseJsonText(text, 'schemas/new.avsc', 'avro');
  } catch (error) {
    if (error instanceof SchemaError) return error;
    throw error;
  }
  throw new Error('the text parsed');
}

const lines = (...text: string[]): string => text.join('\n');

describe('parseJsonText: the first syntax error as one line with its line number', () => {
  it.each([
    ['a trailing comma in an array', lines('{', '  "symbols": [', '    "A",', '    "B",', '  ]', '}'), 4, 'trailing comma'],
    ['a trailing comma in an object', lines('{', '  "a": 1,', '  "b": 2,', '}'), 3, 'trailing comma'],
    ['a trailing comma on one line', '[1,]', 1, 'trailing comma'],
    ['a missing comma between members', lines('{', '  "type": "record"', '  "name": "User"', '}'), 3, 'comma expected'],
    ['a missing comma between elements', lines('[', '  1', '  2', ']'), 3, 'comma expected'],
    ['a misspelt literal', lines('{', '  "a": tru', '}'), 2, 'unexpected token'],
    ['a single-quoted string', lines('{', "  'a': 1", '}'), 2, 'unexpected token'],
    ['an unquoted key', lines('{', '  "a": 1,', '  b: 2', '}'), 3, 'unexpected token'],
    ['an unterminated string', lines('{', '  "name": "User,', '  "type": "record"', '}'), 2, 'unterminated string'],
    ['a missing colon', lines('{', '  "a" 1', '}'), 2, 'colon expected'],
    ['a missing value', lines('{', '  "a": ,', '  "b": 1', '}'), 2, 'value expected'],
    ['a comment', lines('{', '  // the id', '  "a": 1', '}'), 2, 'comments are not allowed in JSON'],
    ['an unknown escape', lines('{', '  "a": "\\x41"', '}'), 2, 'invalid escape in string'],
    ['a number cut short', lines('[', '  1.', ']'), 2, 'incomplete number'],
    ['a raw tab in a string', lines('{', '  "a": "x\ty"', '}'), 2, 'control character in string'],
    ['an empty file', '', 1, 'file is empty'],
    ['a file of blank lines', '\n  \n\n', 1, 'file is empty'],
    ['a second top-level value', lines('{ "a": 1 }', '', '{ "b": 2 }'), 3, 'unexpected content after the top-level value'],
    ['a file cut short', lines('{', '  "fields": [', '    { "name": "id" }', '', ''), 3, 'unexpected end of file'],
    ['a value cut short', '{"a":', 1, 'unexpected end of file'],
    ['Windows line endings', lines('{\r', '  "a": 1\r', '  "b": 2\r', '}'), 3, 'comma expected'],
  ])('%s', (_what, text, line, reason) => {
    const error = syntaxError(text);
    expect({ code: error.code, line: error.line, message: error.message, format: error.format }).toEqual({
      code: 'invalid-syntax',
      line,
      message: `invalid JSON: ${reason}`,
      format: 'avro',
    });
    expect(error.describe()).toBe(`schemas/new.avsc:${line}: invalid JSON: ${reason}`);
    // Strict means exactly JSON: what is refused here JSON.parse refuses too.
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('refuses nesting deep enough to exhaust the stack with one line, not a crash', () => {
    const error = syntaxError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(error.describe()).toBe('schemas/new.avsc:1: invalid JSON: nested too deeply to read');
  });

  it.each([
    ['an object', '{"a": [1, 2.5e3, -0, true, false, null], "b": {"c": "x\\u00e9\\n\\/"}}'],
    ['a duplicate key, last one kept', '{"a": 1, "a": 2}'],
    ['a top-level string with surrounding blank lines', '\n  "string"\n\n'],
    ['a top-level number', '-12.5E-3'],
  ])('accepts %s with the value JSON.parse gives', (_what, text) => {
    expect(parseJsonText(text, 'a.json', 'json-schema').value).toEqual(JSON.parse(text));
  });
});

const document = parseJsonText(
  lines(
    '{',
    '  "title": "with \\"quotes\\" and } braces",',
    '  "properties": {',
    '    "a/b": { "type": "string" },',
    '    "list": {',
    '      "enum": [',
    '        "x",',
    '        { "nested": [1, 2] },',
    '        "z"',
    '      ]',
    '    },',
    '    "type": {"type":',
    '      "integer"}',
    '  },',
    '  "dup": 1,',
    '  "dup":',
    '    2',
    '}',
  ),
  'a.json',
  'json-schema',
);

describe('lineOfJsonPath', () => {
  it.each<[JsonPath, number, number]>([
    [[], 1, 1],
    [['title'], 2, 2],
    [['properties'], 3, 3],
    [['properties', 'a/b'], 4, 4],
    [['properties', 'a/b', 'type'], 4, 4],
    [['properties', 'list', 'enum'], 6, 6],
    [['properties', 'list', 'enum', 1], 8, 8],
    [['properties', 'list', 'enum', '2'], 9, 9],
    [['properties', 'list', 'enum', 1, 'nested', 1], 8, 8],
    [['properties', 'type'], 12, 12],
    [['properties', 'type', 'type'], 13, 12],
    [['dup'], 17, 16],
  ])('finds %j: value on line %s, key on line %s', (path, valueLine, keyLine) => {
    expect(lineOfJsonPath(document, path)).toBe(valueLine);
    expect(lineOfJsonPath(document, path, 'key')).toBe(keyLine);
  });

  it.each<[JsonPath, number]>([
    [['properties', 'missing'], 3],
    [['properties', 'list', 'enum', 3], 6],
    [['properties', 'list', 'enum', 'first'], 6],
    [['properties', 'list', 'enum', '01'], 6],
    [['properties', 'type', 'type', 0], 12],
    [['properties', 'list', 'enum', 1, 'nested', 9, 'deeper'], 8],
    [['title', 'x'], 2],
    [['nothing', 'at', 'all'], 1],
  ])('falls back from the missing %j to its nearest ancestor, on line %s', (path, line) => {
    expect(lineOfJsonPath(document, path, 'key')).toBe(line);
  });
});

describe('JSON pointers', () => {
  it.each([
    ['', []],
    ['/properties/a~1b', ['properties', 'a/b']],
    ['/$defs/x~0y', ['$defs', 'x~y']],
    ['/fields/0/type', ['fields', '0', 'type']],
  ])('decodes %j and encodes it back', (pointer, segments) => {
    expect(decodeJsonPointer(pointer)).toEqual(segments);
    expect(encodeJsonPointer(segments)).toBe(pointer);
  });
});
