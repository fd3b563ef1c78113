import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../types.js';
import type { JsonSchemaDraft } from './json-schema-draft.js';
import { readOneField } from './testing/build-json-schema.js';

const drafts: JsonSchemaDraft[] = ['draft-07', '2020-12'];

// [what, property schema, type the reader gives, nullable when the property is required]
const typeCases: Array<[string, unknown, FieldType, boolean]> = [
  ['string', { type: 'string' }, { kind: 'string', name: 'string' }, false],
  ['string format date', { type: 'string', format: 'date' }, { kind: 'date', name: 'string/date' }, false],
  ['string format date-time', { type: 'string', format: 'date-time' }, { kind: 'timestamp', name: 'string/date-time' }, false],
  ['string base64', { type: 'string', contentEncoding: 'base64' }, { kind: 'bytes', name: 'string/base64' }, false],
  ['string with another format', { type: 'string', format: 'email' }, { kind: 'string', name: 'string/email' }, false],
  ['integer', { type: 'integer' }, { kind: 'long', name: 'integer' }, false],
  ['integer int32', { type: 'integer', format: 'int32' }, { kind: 'int', name: 'integer/int32' }, false],
  ['integer int64', { type: 'integer', format: 'int64' }, { kind: 'long', name: 'integer/int64' }, false],
  ['number', { type: 'number' }, { kind: 'double', name: 'number' }, false],
  ['number float', { type: 'number', format: 'float' }, { kind: 'float', name: 'number/float' }, false],
  ['boolean', { type: 'boolean' }, { kind: 'boolean', name: 'boolean' }, false],
  ['object with only additionalProperties', { type: 'object', additionalProperties: { type: 'integer' } }, { kind: 'map', name: 'object', of: { kind: 'long', name: 'integer' } }, false],
  ['object without properties', { type: 'object' }, { kind: 'json', name: 'object' }, false],
  ['object with additionalProperties: true', { type: 'object', additionalProperties: true }, { kind: 'json', name: 'object' }, false],
  ['array of strings', { type: 'array', items: { type: 'string' } }, { kind: 'array', name: 'array', of: { kind: 'string', name: 'string' } }, false],
  ['array without items', { type: 'array' }, { kind: 'array', name: 'array', of: { kind: 'json' } }, false],
  ['array of arrays', { type: 'array', items: { type: 'array', items: { type: 'number' } } }, { kind: 'array', name: 'array', of: { kind: 'array', name: 'array', of: { kind: 'double', name: 'number' } } }, false],
  ['enum of strings', { type: 'string', enum: ['placed', 'paid'] }, { kind: 'enum', name: 'string', symbols: ['placed', 'paid'] }, false],
  ['enum without type', { enum: ['placed', 'paid'] }, { kind: 'enum', symbols: ['placed', 'paid'] }, false],
  ['enum of numbers, as strings', { enum: [1, 2.5, true] }, { kind: 'enum', symbols: ['1', '2.5', 'true'] }, false],
  ['enum with null', { enum: ['a', null] }, { kind: 'enum', symbols: ['a'] }, true],
  ['enum with null that type forbids', { type: 'string', enum: ['a', null] }, { kind: 'enum', name: 'string', symbols: ['a'] }, false],
  ['const', { const: 'v1' }, { kind: 'enum', symbols: ['v1'] }, false],
  ['no type', { description: 'anything' }, { kind: 'json' }, true],
  ['the true schema', true, { kind: 'json' }, true],
  ['the false schema', false, { kind: 'unknown', name: 'never' }, false],
  ['type list with null', { type: ['string', 'null'] }, { kind: 'string', name: 'string' }, true],
  ['type null', { type: 'null' }, { kind: 'unknown', name: 'null' }, true],
  ['anyOf X or null', { anyOf: [{ type: 'integer' }, { type: 'null' }] }, { kind: 'long', name: 'integer' }, true],
  ['oneOf null or X', { oneOf: [{ type: 'null' }, { type: 'string', format: 'date' }] }, { kind: 'date', name: 'string/date' }, true],
  ['anyOf of two types', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, { kind: 'unknown', name: 'anyOf' }, false],
  ['oneOf of two types and null', { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] }, { kind: 'unknown', name: 'anyOf' }, true],
  ['type list of two types', { type: ['string', 'integer'] }, { kind: 'unknown', name: 'anyOf' }, false],
  ['anyOf refining a typed string', { type: 'string', anyOf: [{ format: 'email' }, { format: 'uri' }] }, { kind: 'string', name: 'string' }, false],
];

describe.each(drafts)('JSON Schema %s: types', (draft) => {
  it.each(typeCases)('%s', (_what, property, type, nullable) => {
    const field = readOneField(draft, property);
    expect(field.type).toEqual(type);
    expect(field.nullable).toBe(nullable);
  });

  it.each([
    ['required', true, false],
    ['optional (may be absent)', false, true],
  ])('a %s property is nullable: %s → %s', (_what, required, nullable) => {
    expect(readOneField(draft, { type: 'string' }, { required }).nullable).toBe(nullable);
  });

  it('reads an object with properties as a record, children at full paths, with their own required', () => {
    const field = readOneField(draft, { type: 'object', required: ['zip'], properties: { zip: { type: 'string' }, city: { type: 'string' } } });
    expect(field.type.kind).toBe('record');
    expect(field.type.fields?.map((child) => [child.path.join('.'), child.nullable])).toEqual([
      ['value.zip', false],
      ['value.city', true],
    ]);
  });

  it('gives children of an array of objects the array property path (no items segment)', () => {
    const field = readOneField(draft, { type: 'array', items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } });
    expect(field.type).toMatchObject({ kind: 'array', of: { kind: 'record', fields: [{ name: 'sku', path: ['value', 'sku'], nullable: false }] } });
  });

  it('reads an object without type keyword but with properties as a record', () => {
    expect(readOneField(draft, { properties: { a: { type: 'string' } } }).type.kind).toBe('record');
  });

  it('keeps the member types of a choice as a constraint, whatever their order', () => {
    const left = readOneField(draft, { anyOf: [{ type: 'string' }, { type: 'integer' }] });
    const right = readOneField(draft, { type: ['integer', 'string'] });
    expect(left.constraints).toEqual({ anyOf: 'long|string' });
    expect(right.constraints).toEqual(left.constraints);
  });
});

describe('JSON Schema tuples', () => {
  it.each([
    ['draft-07', { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] }],
    ['2020-12', { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false }],
  ] as const)('%s: positional items are an unknown tuple', (draft, property) => {
    expect(readOneField(draft, property).type).toEqual({ kind: 'unknown', name: 'tuple' });
  });
});
