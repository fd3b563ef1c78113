import { describe, expect, it } from 'vitest';
import type { DatasetSchema, Field } from '../../types.js';
import type { JsonSchemaDraft } from './json-schema-draft.js';
import { jsonSchemaReader } from './read-json-schema.js';
import { buildJsonSchemaSource, buildObjectSchema, draftUris, readOneField } from './testing/build-json-schema.js';

const drafts: JsonSchemaDraft[] = ['draft-07', '2020-12'];

function readDataset(text: string, path = 'contracts/order.schema.json'): DatasetSchema {
  const document = jsonSchemaReader.read({ path, text });
  expect(document).toMatchObject({ format: 'json-schema', source: path });
  expect(document.datasets).toHaveLength(1);
  const [dataset] = document.datasets;
  if (dataset === undefined) throw new Error('no dataset');
  return dataset;
}

function sortFields(fields: readonly Field[]): Field[] {
  return [...fields]
    .sort((left, right) => left.name.localeCompare(right.name))
    .map((field) => (field.type.fields === undefined ? field : { ...field, type: { ...field.type, fields: sortFields(field.type.fields) } }));
}

describe('JSON Schema: the dataset', () => {
  it.each([
    ['title', { title: 'order-placed', $id: 'https://schemas.acme.io/orders/v2/placed.schema.json' }, 'contracts/x.json',
      { name: 'order-placed', physicalName: 'https://schemas.acme.io/orders/v2/placed.schema.json' }, '2'],
    ['the last $id segment without extension', { $id: 'https://schemas.acme.io/events/order-placed_v3.schema.json' }, 'contracts/x.json',
      { name: 'order-placed_v3', physicalName: 'https://schemas.acme.io/events/order-placed_v3.schema.json' }, '3'],
    ['the last $id segment, empty fragment dropped', { $id: 'https://schemas.acme.io/user-profile.json#' }, 'contracts/x.json',
      { name: 'user-profile', physicalName: 'https://schemas.acme.io/user-profile.json' }, undefined],
    ['the last part of a URN $id', { $id: 'urn:acme:user-profile' }, 'contracts/x.json', { name: 'user-profile', physicalName: 'urn:acme:user-profile' }, undefined],
    ['the file name without .schema.json', {}, 'contracts/orders_v1.schema.json', { name: 'orders_v1', physicalName: 'orders_v1' }, '1'],
    ['the file name without .json', {}, 'contracts\\user-profile.json', { name: 'user-profile', physicalName: 'user-profile' }, undefined],
  ])('is named by %s', (_what, header, path, dataset, version) => {
    const schema = readDataset(buildJsonSchemaSource('2020-12', { ...header, ...buildObjectSchema({ id: { type: 'string' } }) }).text, path);
    expect(schema.dataset).toEqual(dataset);
    expect(schema.version).toBe(version);
  });

  it('carries the root description and deprecation', () => {
    const schema = readDataset(buildJsonSchemaSource('2020-12', { description: 'Orders as placed.', deprecated: true, ...buildObjectSchema({ id: { type: 'string' } }) }).text);
    expect(schema).toMatchObject({ format: 'json-schema', description: 'Orders as placed.', deprecated: true });
  });

  it('treats a document without $schema as 2020-12 (prefixItems is a tuple)', () => {
    const text = JSON.stringify(buildObjectSchema({ pair: { type: 'array', prefixItems: [{ type: 'string' }] } }));
    expect(readDataset(text).fields[0]?.type).toEqual({ kind: 'unknown', name: 'tuple' });
  });
});

describe.each(drafts)('JSON Schema %s: fields', (draft) => {
  it.each([
    ['a name', 'email', ['email']],
    ['a list of names', ['email', 'mail'], ['email', 'mail']],
    ['a dotted path (a move)', 'address.zip', ['address.zip']],
  ])('reads x-renamed-from as %s', (_what, hint, renamedFrom) => {
    expect(readOneField(draft, { type: 'string', 'x-renamed-from': hint }).renamedFrom).toEqual(renamedFrom);
  });

  it('reads description, deprecated and default', () => {
    expect(readOneField(draft, { type: 'string', description: 'Shown to the customer.', deprecated: true, default: 'n/a' })).toMatchObject({
      description: 'Shown to the customer.',
      deprecated: true,
      hasDefault: true,
      renamedFrom: [],
    });
    expect(readOneField(draft, { type: 'string' })).toMatchObject({ deprecated: false, hasDefault: false });
  });

  it.each([
    ['maxLength', { type: 'string', maxLength: 40 }, { maxLength: 40 }],
    ['minLength', { type: 'string', minLength: 2 }, { minLength: 2 }],
    ['pattern', { type: 'string', pattern: '^[a-z]+$' }, { pattern: '^[a-z]+$' }],
    ['minimum and maximum', { type: 'integer', minimum: 0, maximum: 100 }, { minimum: 0, maximum: 100 }],
    ['exclusive bounds', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, { exclusiveMinimum: 0, exclusiveMaximum: 1 }],
    ['multipleOf', { type: 'number', multipleOf: 0.01 }, { multipleOf: 0.01 }],
    ['item counts and uniqueness', { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5, uniqueItems: true }, { minItems: 1, maxItems: 5, uniqueItems: true }],
    ['a format that is not a kind', { type: 'string', format: 'uuid' }, { format: 'uuid' }],
    ['constraints of array items, prefixed', { type: 'array', items: { type: 'string', maxLength: 8 } }, { 'items.maxLength': 8 }],
    ['constraints of map values, prefixed', { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } }, { 'values.minimum': 1 }],
  ])('reads the %s constraint', (_what, property, constraints) => {
    expect(readOneField(draft, property).constraints).toEqual(constraints);
  });

  it.each([
    ['a format that became a kind', { type: 'string', format: 'date-time' }],
    ['minLength 0 and minItems 0, which restrict nothing', { type: 'array', minItems: 0, items: { type: 'string', minLength: 0 } }],
    ['uniqueItems false', { type: 'array', uniqueItems: false }],
  ])('leaves out %s', (_what, property) => {
    expect(readOneField(draft, property).constraints).toBeUndefined();
  });

  it('gives the same model whatever the formatting, key order and property order', () => {
    const properties = {
      id: { type: 'string', format: 'uuid', maxLength: 36 },
      total: { minimum: 0.5, type: 'number', maximum: 1e3 },
      address: { type: 'object', required: ['zip', 'city'], properties: { zip: { type: 'string' }, city: { type: 'string' } } },
    };
    const compact = `{"$schema":"${draftUris[draft]}","title":"order","type":"object","required":["id","total"],"properties":${JSON.stringify(properties)}}`;
    const reordered = [
      '{',
      '    "properties": {',
      '        "address": {"properties": {"city": {"type": "string"}, "zip": {"type": "string"}}, "required": ["city", "zip"], "type": "object"},',
      '        "total": {"maximum": 1000.0, "minimum": 0.50, "type": "number"},',
      '        "id": {"maxLength": 36, "format": "uuid", "type": "string"}',
      '    },',
      '    "required": ["total", "id"],',
      `    "type": "object", "title": "order", "$schema": "${draftUris[draft]}"`,
      '}',
    ].join('\n');
    const left = readDataset(compact);
    const right = readDataset(reordered);
    expect({ ...right, fields: sortFields(right.fields) }).toEqual({ ...left, fields: sortFields(left.fields) });
    expect(right.fields.map((field) => field.name)).toEqual(['address', 'total', 'id']);
  });
});

describe('JSON Schema: draft-07 and 2020-12 spellings of one contract', () => {
  it('read to the same model', () => {
    const body = (defs: string): Record<string, unknown> => ({
      $id: 'https://schemas.acme.io/user-profile.schema.json',
      ...buildObjectSchema({
        user_id: { type: 'integer' },
        email: { type: ['string', 'null'], format: 'email' },
        address: { anyOf: [{ $ref: `#/${defs}/Address` }, { type: 'null' }] },
        roles: { type: 'array', items: { enum: ['admin', 'member'] }, uniqueItems: true },
      }, { required: ['user_id', 'email'] }),
      [defs]: { Address: { type: 'object', required: ['zip'], properties: { zip: { type: 'string', maxLength: 10 } } } },
    });
    const old = readDataset(buildJsonSchemaSource('draft-07', body('definitions')).text);
    const current = readDataset(buildJsonSchemaSource('2020-12', body('$defs')).text);
    expect(current).toEqual(old);
  });
});
