import { describe, expect, it } from 'vitest';
import type { DatasetSchema, Field } from '../../types.js';
import { avroReader } from './read-avro.js';

// Field order is the one thing the diff ignores, so it is the one thing normalized away here.
function sortFields(fields: readonly Field[]): Field[] {
  return [...fields]
    .sort((left, right) => left.name.localeCompare(right.name))
    .map((field) => ({ ...field, type: withSortedFields(field.type) }));
}

function withSortedFields(type: Field['type']): Field['type'] {
  return {
    ...type,
    ...(type.fields === undefined ? {} : { fields: sortFields(type.fields) }),
    ...(type.of === undefined ? {} : { of: withSortedFields(type.of) }),
  };
}

function readNormalized(text: string): DatasetSchema[] {
  return avroReader.read({ path: 'user.avsc', text }).datasets.map((dataset) => ({ ...dataset, fields: sortFields(dataset.fields) }));
}

const original = `{
  "type": "record",
  "name": "User",
  "namespace": "com.acme.users.v1",
  "aliases": ["Member", "Person"],
  "doc": "A person with an account.",
  "fields": [
    { "name": "id", "type": "long" },
    { "name": "email", "type": ["null", "string"], "aliases": ["user_email", "mail"], "doc": "Primary address." },
    { "name": "address", "type": { "type": "record", "name": "Address", "fields": [
      { "name": "street", "type": "string" },
      { "name": "zip", "type": "string", "default": "" }
    ] } },
    { "name": "status", "type": { "type": "enum", "name": "Status", "symbols": ["ACTIVE", "BANNED"] } },
    { "name": "created_at", "type": { "type": "long", "logicalType": "timestamp-millis" } },
    { "name": "balance", "type": { "type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2 } }
  ]
}`;

// The same schema with keys, fields and list members reordered and the whitespace changed.
const reordered = `{"fields":[
{"type":{"scale":2,"logicalType":"decimal","type":"bytes","precision":12},"name":"balance"},
    {"name":"address","type":{"fields":[{"default":"","type":"string","name":"zip"},{"type":"string","name":"street"}],"name":"Address","type":"record"}},
{"type":{"symbols":["ACTIVE","BANNED"],"name":"Status","type":"enum"},"name":"status"},
  {"doc":"Primary address.","aliases":["mail","user_email"],"type":["string","null"],"name":"email"},
{"type":{"logicalType":"timestamp-millis","type":"long"},"name":"created_at"},{"type":"long","name":"id"}],
"doc":"A person with an account.","aliases":["Person","Member"],"namespace":"com.acme.users.v1","name":"User","type":"record"}`;

describe('avroReader: conformance', () => {
  it('reads a reordered and reformatted schema into the same model, apart from field order', () => {
    expect(readNormalized(reordered)).toEqual(readNormalized(original));
  });

  it('is sensitive to a real change (the comparison above can fail)', () => {
    expect(readNormalized(reordered.replace('"precision":12', '"precision":14'))).not.toEqual(readNormalized(original));
  });
});
