import type { FieldTypeKind } from '../../types.js';
import type { SqlDialect } from './sql-token.js';

/**
 * What a built-in type name means: its kind, its canonical spelling, and which parameters are
 * constraints (`length`: `varchar(n)` → maxLength; `decimal`: `numeric(p,s)` → precision/scale).
 */
export type SqlTypeName = { kind: FieldTypeKind; canonical: string; params?: 'length' | 'decimal'; serial?: boolean; defaultLength?: number };

function entries(names: string[], info: SqlTypeName): Array<[string, SqlTypeName]> {
  return names.map((name) => [name, info]);
}

const postgresTypes = new Map<string, SqlTypeName>([
  ...entries(['smallint', 'int2'], { kind: 'int', canonical: 'smallint' }),
  ...entries(['integer', 'int', 'int4'], { kind: 'int', canonical: 'integer' }),
  ...entries(['bigint', 'int8'], { kind: 'long', canonical: 'bigint' }),
  ...entries(['smallserial', 'serial2'], { kind: 'int', canonical: 'smallserial', serial: true }),
  ...entries(['serial', 'serial4'], { kind: 'int', canonical: 'serial', serial: true }),
  ...entries(['bigserial', 'serial8'], { kind: 'long', canonical: 'bigserial', serial: true }),
  ...entries(['real', 'float4'], { kind: 'float', canonical: 'real' }),
  ...entries(['double precision', 'float8', 'float'], { kind: 'double', canonical: 'double precision' }),
  ...entries(['numeric', 'decimal'], { kind: 'decimal', canonical: 'numeric', params: 'decimal' }),
  ...entries(['money'], { kind: 'decimal', canonical: 'money' }),
  ...entries(['text'], { kind: 'string', canonical: 'text' }),
  ...entries(['varchar', 'character varying', 'char varying', 'national character varying'], { kind: 'string', canonical: 'varchar', params: 'length' }),
  // A bare `char` is `char(1)` in Postgres.
  ...entries(['char', 'character', 'national character', 'nchar'], { kind: 'string', canonical: 'char', params: 'length', defaultLength: 1 }),
  ...entries(['bpchar'], { kind: 'string', canonical: 'bpchar', params: 'length' }),
  ...entries(['uuid'], { kind: 'string', canonical: 'uuid' }),
  ...entries(['citext'], { kind: 'string', canonical: 'citext' }),
  ...entries(['name'], { kind: 'string', canonical: 'name' }),
  ...entries(['boolean', 'bool'], { kind: 'boolean', canonical: 'boolean' }),
  ...entries(['bytea'], { kind: 'bytes', canonical: 'bytea' }),
  ...entries(['date'], { kind: 'date', canonical: 'date' }),
  ...entries(['timestamp', 'timestamp without time zone'], { kind: 'timestamp', canonical: 'timestamp' }),
  ...entries(['timestamptz', 'timestamp with time zone'], { kind: 'timestamp', canonical: 'timestamptz' }),
  ...entries(['json'], { kind: 'json', canonical: 'json' }),
  ...entries(['jsonb'], { kind: 'json', canonical: 'jsonb' }),
  ...entries(['time', 'time without time zone'], { kind: 'unknown', canonical: 'time' }),
  ...entries(['timetz', 'time with time zone'], { kind: 'unknown', canonical: 'timetz' }),
]);

const bigQueryTypes = new Map<string, SqlTypeName>([
  ...entries(['string'], { kind: 'string', canonical: 'STRING', params: 'length' }),
  ...entries(['bytes'], { kind: 'bytes', canonical: 'BYTES', params: 'length' }),
  // BigQuery's integer aliases are all INT64.
  ...entries(['int64', 'int', 'integer', 'smallint', 'bigint', 'tinyint', 'byteint'], { kind: 'long', canonical: 'INT64' }),
  ...entries(['numeric', 'decimal'], { kind: 'decimal', canonical: 'NUMERIC', params: 'decimal' }),
  ...entries(['bignumeric', 'bigdecimal'], { kind: 'decimal', canonical: 'BIGNUMERIC', params: 'decimal' }),
  ...entries(['float64', 'float'], { kind: 'double', canonical: 'FLOAT64' }),
  ...entries(['bool', 'boolean'], { kind: 'boolean', canonical: 'BOOL' }),
  ...entries(['date'], { kind: 'date', canonical: 'DATE' }),
  ...entries(['datetime'], { kind: 'timestamp', canonical: 'DATETIME' }),
  ...entries(['timestamp'], { kind: 'timestamp', canonical: 'TIMESTAMP' }),
  ...entries(['json'], { kind: 'json', canonical: 'JSON' }),
  ...entries(['time'], { kind: 'unknown', canonical: 'TIME' }),
  ...entries(['geography'], { kind: 'unknown', canonical: 'GEOGRAPHY' }),
  ...entries(['interval'], { kind: 'unknown', canonical: 'INTERVAL' }),
]);

/** Spells a type name in the dialect's convention: BigQuery upper case, Postgres lower case. */
export function spellTypeName(name: string, dialect: SqlDialect): string {
  return dialect === 'bigquery' ? name.toUpperCase() : name.toLowerCase();
}

/**
 * The meaning of a built-in type name (lower-cased words) in a dialect; the other dialect's names
 * are understood too, spelled in this dialect's case. Postgres `float(p)` is `real` up to p = 24.
 */
export function findSqlTypeName(name: string, args: readonly string[], dialect: SqlDialect): SqlTypeName | undefined {
  if (dialect === 'postgres' && name === 'float' && args.length === 1 && Number(args[0]) <= 24) return postgresTypes.get('real');
  const own = dialect === 'postgres' ? postgresTypes : bigQueryTypes;
  const other = dialect === 'postgres' ? bigQueryTypes : postgresTypes;
  const found = own.get(name) ?? other.get(name);
  return found === undefined ? undefined : { ...found, canonical: spellTypeName(found.canonical, dialect) };
}
