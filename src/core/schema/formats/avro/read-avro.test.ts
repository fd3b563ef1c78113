import { describe, expect, it } from 'vitest';
import type { DatasetSchema, Field } from '../../types.js';
import { avroReader } from './read-avro.js';

function readAvro(schema: unknown): DatasetSchema[] {
  return avroReader.read({ path: 'user.avsc', text: JSON.stringify(schema, null, 2) }).datasets;
}

function userRecord(fields: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'record', name: 'User', namespace: 'com.acme.users', fields, ...extra };
}

/** The one field `field` becomes, read as the only field of record com.acme.users.User. */
function readField(field: Record<string, unknown>): Field {
  const [dataset] = readAvro(userRecord([{ name: 'value', ...field }]));
  const [only] = dataset?.fields ?? [];
  if (only === undefined) throw new Error('no field read');
  return only;
}

describe('avroReader: field types', () => {
  it.each([
    ['int', { kind: 'int', name: 'int' }],
    ['long', { kind: 'long', name: 'long' }],
    ['float', { kind: 'float', name: 'float' }],
    ['double', { kind: 'double', name: 'double' }],
    ['boolean', { kind: 'boolean', name: 'boolean' }],
    ['string', { kind: 'string', name: 'string' }],
    ['bytes', { kind: 'bytes', name: 'bytes' }],
    [{ type: 'int', logicalType: 'date' }, { kind: 'date', name: 'date' }],
    [{ type: 'long', logicalType: 'timestamp-millis' }, { kind: 'timestamp', name: 'timestamp-millis' }],
    [{ type: 'long', logicalType: 'timestamp-micros' }, { kind: 'timestamp', name: 'timestamp-micros' }],
    [{ type: 'long', logicalType: 'timestamp-nanos' }, { kind: 'timestamp', name: 'timestamp-nanos' }],
    [{ type: 'long', logicalType: 'local-timestamp-millis' }, { kind: 'timestamp', name: 'local-timestamp-millis' }],
    [{ type: 'long', logicalType: 'local-timestamp-micros' }, { kind: 'timestamp', name: 'local-timestamp-micros' }],
    [{ type: 'int', logicalType: 'time-millis' }, { kind: 'int', name: 'time-millis' }],
    [{ type: 'long', logicalType: 'time-micros' }, { kind: 'long', name: 'time-micros' }],
    [{ type: 'string', logicalType: 'uuid' }, { kind: 'string', name: 'uuid' }],
    // An invalid logical type is ignored, as the spec tells readers to do: the underlying type stays.
    [{ type: 'string', logicalType: 'date' }, { kind: 'string', name: 'string' }],
    [{ type: 'int', logicalType: 'timestamp-millis' }, { kind: 'int', name: 'int' }],
    [{ type: 'bytes', logicalType: 'decimal', precision: 4, scale: 6 }, { kind: 'bytes', name: 'bytes' }],
    [{ type: 'enum', name: 'Status', symbols: ['ACTIVE', 'BANNED'] }, { kind: 'enum', name: 'com.acme.users.Status', symbols: ['ACTIVE', 'BANNED'] }],
    [{ type: 'array', items: 'long' }, { kind: 'array', of: { kind: 'long', name: 'long' } }],
    [{ type: 'map', values: 'double' }, { kind: 'map', of: { kind: 'double', name: 'double' } }],
    [{ type: 'array', items: ['null', 'string'] }, { kind: 'array', of: { kind: 'string', name: 'string' } }],
    [['int', 'string'], { kind: 'unknown', name: 'union<int,string>' }],
    [['string', 'int'], { kind: 'unknown', name: 'union<int,string>' }],
  ])('maps %j to %j', (type, expected) => {
    expect(readField({ type }).type).toEqual(expected);
  });

  it.each([
    ['a bytes decimal', { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 }, { kind: 'decimal', name: 'decimal' }, { precision: 10, scale: 2 }],
    ['a decimal without scale (scale 0)', { type: 'bytes', logicalType: 'decimal', precision: 9 }, { kind: 'decimal', name: 'decimal' }, { precision: 9, scale: 0 }],
    ['a fixed decimal', { type: 'fixed', name: 'Money', size: 8, logicalType: 'decimal', precision: 18, scale: 4 }, { kind: 'decimal', name: 'decimal' }, { precision: 18, scale: 4 }],
    ['a fixed', { type: 'fixed', name: 'Hash', size: 16 }, { kind: 'bytes', name: 'com.acme.users.Hash' }, { size: 16 }],
  ])('maps %s to a type with constraints', (_label, type, expectedType, constraints) => {
    const field = readField({ type });
    expect(field.type).toEqual(expectedType);
    expect(field.constraints).toEqual(constraints);
  });
});

describe('avroReader: nullability, defaults and metadata', () => {
  it.each([
    ['a plain type', { type: 'string' }, false, false],
    ['["null", T]', { type: ['null', 'string'] }, true, false],
    ['[T, "null"]', { type: ['string', 'null'] }, true, false],
    ['["null", T] with a null default', { type: ['null', 'string'], default: null }, true, true],
    ['a default', { type: 'int', default: 0 }, false, true],
    ['a union of several types with null', { type: ['null', 'int', 'string'] }, true, false],
  ])('reads %s as nullable=%s hasDefault=%s', (_label, field, nullable, hasDefault) => {
    const read = readField(field);
    expect([read.nullable, read.hasDefault]).toEqual([nullable, hasDefault]);
  });

  it('keeps a nullable union type under null: ["null", T] is T, nullable', () => {
    expect(readField({ type: ['null', { type: 'long', logicalType: 'timestamp-micros' }] })).toMatchObject({ type: { kind: 'timestamp' }, nullable: true });
  });

  it('reads aliases as earlier names, doc as the description and a "deprecated" attribute as the flag', () => {
    const field = readField({ type: 'string', aliases: ['user_email', 'mail'], doc: 'Where we write to.', deprecated: true });
    expect(field).toMatchObject({ renamedFrom: ['mail', 'user_email'], description: 'Where we write to.', deprecated: true });
    expect(readField({ type: 'string' })).toMatchObject({ renamedFrom: [], deprecated: false });
    expect(readField({ type: 'string' }).description).toBeUndefined();
  });
});

describe('avroReader: records and named types', () => {
  it('gives nested record fields their full path, and array-of-record members the array field path', () => {
    const [dataset] = readAvro(userRecord([
      { name: 'address', type: { type: 'record', name: 'Address', fields: [{ name: 'zip', type: 'string' }] } },
      { name: 'orders', type: { type: 'array', items: { type: 'record', name: 'Order', fields: [{ name: 'sku', type: 'string' }] } } },
    ]));
    const [address, orders] = dataset?.fields ?? [];
    expect(address?.type).toMatchObject({ kind: 'record', name: 'com.acme.users.Address', fields: [{ name: 'zip', path: ['address', 'zip'] }] });
    expect(orders?.type.of).toMatchObject({ kind: 'record', name: 'com.acme.users.Order', fields: [{ name: 'sku', path: ['orders', 'sku'] }] });
  });

  it('resolves a named type declared earlier by its short name (in the namespace) or its full name, expanding it at each use', () => {
    const [dataset] = readAvro(userRecord([
      { name: 'home', type: { type: 'record', name: 'Address', fields: [{ name: 'zip', type: 'string' }] } },
      { name: 'work', type: ['null', 'Address'], default: null },
      { name: 'billing', type: 'com.acme.users.Address' },
    ]));
    const [, work, billing] = dataset?.fields ?? [];
    expect(work).toMatchObject({ nullable: true, type: { kind: 'record', name: 'com.acme.users.Address', fields: [{ path: ['work', 'zip'] }] } });
    expect(billing?.type.fields?.[0]?.path).toEqual(['billing', 'zip']);
  });

  it('resolves names inside a record declared in another namespace against that namespace', () => {
    const [dataset] = readAvro(userRecord([
      { name: 'address', type: { type: 'record', name: 'Address', namespace: 'com.acme.geo', fields: [
        { name: 'country', type: { type: 'enum', name: 'Country', symbols: ['FR', 'US'] } },
        { name: 'billing_country', type: 'Country' },
      ] } },
      { name: 'country', type: 'com.acme.geo.Country' },
    ]));
    const [address, country] = dataset?.fields ?? [];
    expect(address?.type.fields?.[1]?.type).toEqual({ kind: 'enum', name: 'com.acme.geo.Country', symbols: ['FR', 'US'] });
    expect(country?.type.name).toBe('com.acme.geo.Country');
  });

  it('stops at a recursive reference: the record appears by name, without fields', () => {
    const [dataset] = readAvro(userRecord([
      { name: 'id', type: 'long' },
      { name: 'referrer', type: ['null', 'User'], default: null },
      { name: 'tree', type: { type: 'record', name: 'Node', fields: [{ name: 'children', type: { type: 'array', items: 'Node' } }] } },
    ]));
    const [, referrer, tree] = dataset?.fields ?? [];
    expect(referrer).toMatchObject({ nullable: true, type: { kind: 'record', name: 'com.acme.users.User' } });
    expect(referrer?.type.fields).toBeUndefined();
    expect(tree?.type.fields?.[0]?.type).toEqual({ kind: 'array', of: { kind: 'record', name: 'com.acme.users.Node' } });
  });
});

describe('avroReader: datasets', () => {
  it('reads the top-level record as the dataset: name, full name, version from the namespace, aliases, doc, deprecation', () => {
    const [dataset] = readAvro({
      type: 'record', name: 'User', namespace: 'com.acme.users.v2', aliases: ['Member', 'com.legacy.Person'], doc: 'A person with an account.', deprecated: true,
      fields: [{ name: 'id', type: 'long' }],
    });
    expect(dataset).toEqual({
      dataset: { name: 'User', physicalName: 'com.acme.users.v2.User' },
      format: 'avro',
      version: '2',
      fields: [{ name: 'id', path: ['id'], type: { kind: 'long', name: 'long' }, nullable: false, hasDefault: false, renamedFrom: [], deprecated: false }],
      renamedFrom: ['com.acme.users.v2.Member', 'com.legacy.Person'],
      deprecated: true,
      description: 'A person with an account.',
    });
  });

  it('takes the namespace from a dotted record name', () => {
    expect(readAvro({ type: 'record', name: 'com.acme.orders.v3.Order', fields: [] })[0]?.dataset).toEqual({ name: 'Order', physicalName: 'com.acme.orders.v3.Order' });
  });

  it('reads each record of a top-level union as a dataset, later ones may reference earlier ones', () => {
    const datasets = readAvro([
      { type: 'record', name: 'com.acme.Created', fields: [{ name: 'id', type: 'long' }] },
      { type: 'record', name: 'com.acme.Deleted', fields: [{ name: 'id', type: 'long' }, { name: 'was', type: 'com.acme.Created' }] },
    ]);
    expect(datasets.map((dataset) => dataset.dataset.physicalName)).toEqual(['com.acme.Created', 'com.acme.Deleted']);
    expect(datasets[1]?.fields[1]?.type.fields?.[0]?.path).toEqual(['was', 'id']);
  });

  it('gives no version when the name has none', () => {
    expect(readAvro(userRecord([]))[0]?.version).toBeUndefined();
  });
});
