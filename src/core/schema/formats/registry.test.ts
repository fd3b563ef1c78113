import { describe, expect, it } from 'vitest';
import { SchemaError } from '../schema-error.js';
import { findReaderForFile, getReaderOrThrow, schemaReaders } from './registry.js';

// A minimal valid document per format: the conformance checks below run every reader over it.
const samples: Record<string, { file: string; text: string }> = {
  avro: { file: 'user.avsc', text: '{"type":"record","name":"User","namespace":"acme","fields":[{"name":"id","type":"long"}]}' },
  protobuf: { file: 'user.proto', text: 'syntax = "proto3";\npackage acme;\nmessage User { int64 id = 1; }\n' },
  'json-schema': { file: 'user.schema.json', text: '{"title":"User","type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}' },
  sql: { file: 'user.sql', text: 'CREATE TABLE acme.users (id BIGINT NOT NULL);\n' },
  dbt: { file: 'schema.yml', text: 'version: 2\nmodels:\n  - name: users\n    columns:\n      - name: id\n        data_type: bigint\n        data_tests: [not_null]\n' },
};

describe('schema reader registry (conformance)', () => {
  it('has one reader per format, each with a sample here', () => {
    expect(schemaReaders.map((reader) => reader.format).sort()).toEqual(Object.keys(samples).sort());
  });

  it.each(schemaReaders.map((reader) => [reader.format, reader] as const))('%s: claims its own extensions and reads a minimal document into one dataset', (format, reader) => {
    const sample = samples[format];
    if (sample === undefined) throw new Error(`no sample for ${format}`);
    expect(findReaderForFile(sample.file)?.format).toBe(format);
    for (const extension of reader.extensions) expect(findReaderForFile(`x${extension}`)?.format).toBe(format);
    const document = reader.read({ path: sample.file, text: sample.text });
    expect(document).toMatchObject({ format, source: sample.file });
    expect(document.datasets).toHaveLength(1);
    const [field] = document.datasets[0]?.fields ?? [];
    expect(field).toMatchObject({ name: 'id', path: ['id'], type: { kind: 'long' }, nullable: false, renamedFrom: [], deprecated: false });
  });

  it.each(schemaReaders.map((reader) => [reader.format, reader] as const))('%s: finds no dataset in garbage, refusing it in one line naming the file', (format, reader) => {
    // SQL files may hold statements the reader skips, so a file without tables reads as no dataset rather than an error.
    let document: ReturnType<typeof reader.read> | undefined;
    try {
      document = reader.read({ path: `bad/${format}`, text: '}{ not a schema ][' });
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      expect(error.file).toBe(`bad/${format}`);
      expect(error.describe().split('\n')).toHaveLength(1);
    }
    expect(document?.datasets ?? []).toEqual([]);
  });

  it('names the known extensions when it cannot tell a format', () => {
    expect(() => getReaderOrThrow('schema.txt')).toThrow(/cannot tell the schema format .*\.avsc/);
  });
});
