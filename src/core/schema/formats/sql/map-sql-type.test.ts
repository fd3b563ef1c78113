import { describe, expect, it } from 'vitest';
import type { FieldConstraints, FieldType } from '../../types.js';
import type { SqlDialect } from './sql-token.js';
import { SqlInputError } from './sql-input-error.js';
import { mapSqlType } from './map-sql-type.js';
import { detectSqlDialect } from './detect-sql-dialect.js';

describe('mapSqlType', () => {
  it.each<[string, SqlDialect, FieldType, FieldConstraints]>([
    // Postgres
    ['text', 'postgres', { kind: 'string', name: 'text' }, {}],
    ['varchar(20)', 'postgres', { kind: 'string', name: 'varchar(20)' }, { maxLength: 20 }],
    ['CHARACTER VARYING ( 20 )', 'postgres', { kind: 'string', name: 'varchar(20)' }, { maxLength: 20 }],
    ['char(3)', 'postgres', { kind: 'string', name: 'char(3)' }, { maxLength: 3 }],
    ['character', 'postgres', { kind: 'string', name: 'char' }, { maxLength: 1 }],
    ['uuid', 'postgres', { kind: 'string', name: 'uuid' }, {}],
    ['smallint', 'postgres', { kind: 'int', name: 'smallint' }, {}],
    ['int', 'postgres', { kind: 'int', name: 'integer' }, {}],
    ['INTEGER', 'postgres', { kind: 'int', name: 'integer' }, {}],
    ['serial', 'postgres', { kind: 'int', name: 'serial' }, {}],
    ['bigint', 'postgres', { kind: 'long', name: 'bigint' }, {}],
    ['bigserial', 'postgres', { kind: 'long', name: 'bigserial' }, {}],
    ['real', 'postgres', { kind: 'float', name: 'real' }, {}],
    ['float(24)', 'postgres', { kind: 'float', name: 'real' }, {}],
    ['float', 'postgres', { kind: 'double', name: 'double precision' }, {}],
    ['double precision', 'postgres', { kind: 'double', name: 'double precision' }, {}],
    ['numeric(10,2)', 'postgres', { kind: 'decimal', name: 'numeric(10,2)' }, { precision: 10, scale: 2 }],
    ['decimal(12)', 'postgres', { kind: 'decimal', name: 'numeric(12)' }, { precision: 12, scale: 0 }],
    ['numeric', 'postgres', { kind: 'decimal', name: 'numeric' }, {}],
    ['boolean', 'postgres', { kind: 'boolean', name: 'boolean' }, {}],
    ['bytea', 'postgres', { kind: 'bytes', name: 'bytea' }, {}],
    ['date', 'postgres', { kind: 'date', name: 'date' }, {}],
    ['timestamp', 'postgres', { kind: 'timestamp', name: 'timestamp' }, {}],
    ['timestamp without time zone', 'postgres', { kind: 'timestamp', name: 'timestamp' }, {}],
    ['timestamp(3) with time zone', 'postgres', { kind: 'timestamp', name: 'timestamptz(3)' }, {}],
    ['timestamptz', 'postgres', { kind: 'timestamp', name: 'timestamptz' }, {}],
    ['json', 'postgres', { kind: 'json', name: 'json' }, {}],
    ['jsonb', 'postgres', { kind: 'json', name: 'jsonb' }, {}],
    ['text[]', 'postgres', { kind: 'array', name: 'text[]', of: { kind: 'string', name: 'text' } }, {}],
    ['integer[][]', 'postgres', { kind: 'array', name: 'integer[]', of: { kind: 'int', name: 'integer' } }, {}],
    ['varchar(5) ARRAY', 'postgres', { kind: 'array', name: 'varchar(5)[]', of: { kind: 'string', name: 'varchar(5)' } }, { maxLength: 5 }],
    ['interval day to second', 'postgres', { kind: 'unknown', name: 'interval day to second' }, {}],
    ['time with time zone', 'postgres', { kind: 'unknown', name: 'timetz' }, {}],
    ['geometry(Point, 4326)', 'postgres', { kind: 'unknown', name: 'geometry(Point,4326)' }, {}],
    ['public.mood', 'postgres', { kind: 'unknown', name: 'public.mood' }, {}],
    // BigQuery
    ['STRING', 'bigquery', { kind: 'string', name: 'STRING' }, {}],
    ['STRING(20)', 'bigquery', { kind: 'string', name: 'STRING(20)' }, { maxLength: 20 }],
    ['INT64', 'bigquery', { kind: 'long', name: 'INT64' }, {}],
    ['integer', 'bigquery', { kind: 'long', name: 'INT64' }, {}],
    ['NUMERIC(10, 2)', 'bigquery', { kind: 'decimal', name: 'NUMERIC(10,2)' }, { precision: 10, scale: 2 }],
    ['BIGNUMERIC', 'bigquery', { kind: 'decimal', name: 'BIGNUMERIC' }, {}],
    ['FLOAT64', 'bigquery', { kind: 'double', name: 'FLOAT64' }, {}],
    ['BOOL', 'bigquery', { kind: 'boolean', name: 'BOOL' }, {}],
    ['BYTES', 'bigquery', { kind: 'bytes', name: 'BYTES' }, {}],
    ['DATE', 'bigquery', { kind: 'date', name: 'DATE' }, {}],
    ['DATETIME', 'bigquery', { kind: 'timestamp', name: 'DATETIME' }, {}],
    ['TIMESTAMP', 'bigquery', { kind: 'timestamp', name: 'TIMESTAMP' }, {}],
    ['TIME', 'bigquery', { kind: 'unknown', name: 'TIME' }, {}],
    ['JSON', 'bigquery', { kind: 'json', name: 'JSON' }, {}],
    ['GEOGRAPHY', 'bigquery', { kind: 'unknown', name: 'GEOGRAPHY' }, {}],
    ['RANGE<DATE>', 'bigquery', { kind: 'unknown', name: 'RANGE<DATE>' }, {}],
    ['ARRAY<STRING>', 'bigquery', { kind: 'array', name: 'ARRAY<STRING>', of: { kind: 'string', name: 'STRING' } }, {}],
  ])('%s (%s)', (text, dialect, type, constraints) => {
    expect(mapSqlType(text, { dialect })).toEqual({ type, constraints });
  });

  it('maps STRUCT members to fields under the given path, arrays of structs without an items segment', () => {
    const mapped = mapSqlType('ARRAY<STRUCT<sku STRING NOT NULL, qty INT64, tags ARRAY<STRING>>>', { dialect: 'bigquery', path: ['items'] });
    expect(mapped.type).toEqual({
      kind: 'array',
      name: 'ARRAY<STRUCT>',
      of: {
        kind: 'record',
        name: 'STRUCT',
        fields: [
          { name: 'sku', path: ['items', 'sku'], type: { kind: 'string', name: 'STRING' }, nullable: false, hasDefault: false, renamedFrom: [], deprecated: false },
          { name: 'qty', path: ['items', 'qty'], type: { kind: 'long', name: 'INT64' }, nullable: true, hasDefault: false, renamedFrom: [], deprecated: false },
          // BigQuery reads a NULL array as empty, so an array member is never null.
          { name: 'tags', path: ['items', 'tags'], type: { kind: 'array', name: 'ARRAY<STRING>', of: { kind: 'string', name: 'STRING' } }, nullable: false, hasDefault: false, renamedFrom: [], deprecated: false },
        ],
      },
    });
  });

  it.each<[string, SqlDialect]>([
    ['INT64', 'bigquery'],
    ['struct<a int64>', 'bigquery'],
    ['ARRAY<INT>', 'bigquery'],
    ['integer', 'postgres'],
    ['varchar(20)', 'postgres'],
    ['text[]', 'postgres'],
    ['CREATE TABLE t (id INT64)', 'bigquery'],
    ['CREATE TABLE t (string text, bytes bytea)', 'postgres'],
    ["CREATE TABLE t (a text) -- INT64 in a comment, 'STRING' in a string", 'postgres'],
  ])('reads the dialect of %s as %s', (text, dialect) => {
    expect(detectSqlDialect(text)).toBe(dialect);
  });

  it('reads INTEGER as INT64 when the text itself is BigQuery, as int otherwise', () => {
    expect(mapSqlType('STRUCT<n INTEGER>').type.fields?.[0]?.type.kind).toBe('long');
    expect(mapSqlType('integer').type.kind).toBe('int');
  });

  it.each<[string, string]>([
    ['varchar(', 'expected a type parameter, found end of file'],
    ['ARRAY<STRING', 'expected ">" to close ARRAY<…>, found end of file'],
    ['int not null', 'expected the end of the data type, found "not"'],
    ['(20)', 'expected a data type, found "("'],
  ])('refuses %j: %s', (text, message) => {
    expect(() => mapSqlType(text)).toThrow(SqlInputError);
    expect(() => mapSqlType(text)).toThrow(message);
  });
});
