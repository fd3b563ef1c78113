import { describe, expect, it } from 'vitest';
import type { JsonSchemaDraft } from './json-schema-draft.js';
import { buildJsonSchemaSource, buildObjectSchema, definitionsKeyword, readFieldsOf, readOneField } from './testing/build-json-schema.js';

const drafts: JsonSchemaDraft[] = ['draft-07', '2020-12'];

const address = { type: 'object', required: ['zip'], properties: { zip: { type: 'string', maxLength: 10 }, city: { type: 'string' } } };

describe.each(drafts)('JSON Schema %s: $ref', (draft) => {
  const defs = definitionsKeyword[draft];

  it.each([
    ['#/definitions/X', 'definitions', '#/definitions/Address', 'Address'],
    ['#/$defs/X', '$defs', '#/$defs/Address', 'Address'],
    ['a pointer with ~1 and ~0 escapes', '$defs', '#/$defs/postal~1address~0v2', 'postal/address~v2'],
    ['a percent-encoded pointer', '$defs', '#/$defs/postal%20address', 'postal address'],
  ])('resolves %s, naming the type after the target', (_what, keyword, ref, name) => {
    const field = readOneField(draft, { $ref: ref }, { extra: { [keyword]: { [name]: address } } });
    expect(field.type.kind).toBe('record');
    expect(field.type.name).toBe(name);
    expect(field.type.fields?.map((child) => [child.path.join('.'), child.nullable, child.constraints])).toEqual([
      ['value.zip', false, { maxLength: 10 }],
      ['value.city', true, undefined],
    ]);
  });

  it('resolves any JSON pointer into the document, and refs to refs', () => {
    const fields = readFieldsOf(buildJsonSchemaSource(draft, buildObjectSchema({
      billing: address,
      shipping: { $ref: '#/properties/billing' },
      fallback: { $ref: '#/properties/shipping' },
    })));
    expect(fields.map((field) => [field.name, field.type.kind, field.type.name])).toEqual([
      ['billing', 'record', 'object'],
      ['shipping', 'record', 'billing'],
      ['fallback', 'record', 'shipping'],
    ]);
  });

  it('resolves a scalar definition with its constraints', () => {
    const field = readOneField(draft, { $ref: `#/${defs}/Sku` }, { extra: { [defs]: { Sku: { type: 'string', pattern: '^[A-Z]{3}-\\d+$' } } } });
    expect(field.type).toEqual({ kind: 'string', name: 'Sku' });
    expect(field.constraints).toEqual({ pattern: '^[A-Z]{3}-\\d+$' });
  });

  it('reads anyOf [$ref, null] as the nullable target', () => {
    const field = readOneField(draft, { anyOf: [{ $ref: `#/${defs}/Address` }, { type: 'null' }] }, { extra: { [defs]: { Address: address } } });
    expect(field).toMatchObject({ nullable: true, type: { kind: 'record', name: 'Address' } });
  });

  it('stops a recursive type at a record with the target name and no fields', () => {
    const node = { type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: `#/${defs}/Node` } } } };
    const field = readOneField(draft, { $ref: `#/${defs}/Node` }, { extra: { [defs]: { Node: node } } });
    expect(field.type.fields?.[1]?.type).toEqual({ kind: 'array', name: 'array', of: { kind: 'record', name: 'Node' } });
  });

  it('stops a ref back to the whole document at a record named after the dataset', () => {
    const fields = readFieldsOf(buildJsonSchemaSource(draft, { title: 'category', ...buildObjectSchema({ name: { type: 'string' }, parent: { $ref: '#' } }, { required: ['name'] }) }));
    expect(fields[1]).toMatchObject({ path: ['parent'], nullable: true, type: { kind: 'record', name: 'category' } });
    expect(fields[1]?.type.fields).toBeUndefined();
  });

  it('reads a root that is a $ref to an object definition', () => {
    const fields = readFieldsOf(buildJsonSchemaSource(draft, { $ref: `#/${defs}/Address`, [defs]: { Address: address } }));
    expect(fields.map((field) => field.name)).toEqual(['zip', 'city']);
  });

  it('merges allOf object parts into one record (the root, and a property extending a base)', () => {
    const base = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
    const fields = readFieldsOf(buildJsonSchemaSource(draft, {
      allOf: [{ $ref: `#/${defs}/Base` }, { type: 'object', required: ['total'], properties: { total: { type: 'number' }, note: { type: 'string' } } }],
      [defs]: { Base: base },
    }));
    expect(fields.map((field) => [field.name, field.type.kind, field.nullable])).toEqual([
      ['id', 'string', false],
      ['total', 'double', false],
      ['note', 'string', true],
    ]);
    const extended = readOneField(draft, { allOf: [{ $ref: `#/${defs}/Base` }], properties: { extra: { type: 'boolean' } } }, { extra: { [defs]: { Base: base } } });
    expect(extended.type).toMatchObject({ kind: 'record', name: 'object' });
    expect(extended.type.fields?.map((child) => child.path.join('.'))).toEqual(['value.id', 'value.extra']);
  });

  it('resolves a plain-name anchor and an embedded resource by its $id', () => {
    const anchored = draft === '2020-12' ? { $anchor: 'addr', ...address } : { $id: '#addr', ...address };
    const fields = readFieldsOf(buildJsonSchemaSource(draft, {
      $id: 'https://schemas.acme.io/order.schema.json',
      ...buildObjectSchema({ a: { $ref: '#addr' }, b: { $ref: 'https://schemas.acme.io/common/money.json' }, c: { $ref: 'common/money.json#/properties/currency' } }),
      [defs]: { Address: anchored, Money: { $id: 'common/money.json', type: 'object', properties: { currency: { type: 'string', maxLength: 3 } } } },
    }));
    expect(fields.map((field) => [field.name, field.type.kind, field.type.name])).toEqual([
      ['a', 'record', 'addr'],
      ['b', 'record', 'Money'],
      ['c', 'string', 'currency'],
    ]);
  });
});

describe('$ref siblings', () => {
  const extra = { $defs: { Sku: { type: 'string', description: 'stock keeping unit' } } };
  const property = { $ref: '#/$defs/Sku', description: 'the ordered item', deprecated: true, default: 'NONE' };

  it('apply in 2020-12: description, deprecated and default override the target', () => {
    expect(readOneField('2020-12', property, { extra })).toMatchObject({ description: 'the ordered item', deprecated: true, hasDefault: true });
  });

  it('are ignored in draft-07, where $ref replaces its siblings', () => {
    expect(readOneField('draft-07', property, { extra })).toMatchObject({ description: 'stock keeping unit', deprecated: false, hasDefault: false });
  });

  it('keep x-renamed-from in both drafts: it belongs to the property, not the target', () => {
    for (const draft of drafts) expect(readOneField(draft, { ...property, 'x-renamed-from': 'item' }, { extra }).renamedFrom).toEqual(['item']);
  });
});
