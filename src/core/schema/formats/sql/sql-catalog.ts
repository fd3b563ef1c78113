import type { SqlDialect, SqlToken } from './sql-token.js';
import type { SqlConstraintDef } from './sql-ast.js';
import type { SqlTypeSyntax } from './sql-type-syntax.js';
import type { SqlDomainType, SqlEnumType } from './convert-sql-type.js';
import { SqlInputError } from './sql-input-error.js';

export type SqlColumnState = {
  name: string;
  type: SqlTypeSyntax;
  notNull: boolean;
  hasDefault: boolean;
  description?: string;
  renamedFrom: string[];
  /** Where the column was defined, for errors about it. */
  line: number;
};

/** A constraint as the table holds it: always named (Postgres's default name when none was given). */
export type SqlConstraintState = SqlConstraintDef & { name: string };

export type SqlTableState = {
  parts: string[];
  /** `parts` joined with dots, kept in step with them for fast lookups. */
  key: string;
  columns: SqlColumnState[];
  constraints: SqlConstraintState[];
  description?: string;
  renamedFrom: string[];
};

/** The tables, enums and domains a file leaves defined after its statements run in order. */
export type SqlCatalog = {
  dialect: SqlDialect;
  tables: SqlTableState[];
  enums: Map<string, SqlEnumType>;
  domains: Map<string, SqlDomainType>;
  /** Tables the file creates without listing their columns (`AS SELECT`, `PARTITION OF`). */
  opaque: Set<string>;
};

export function displayName(parts: readonly string[]): string {
  return parts.join('.');
}

/** An entry by exact qualified name, else the only one whose name ends the same way (`users` ↔ `public.users`). */
export function findByQualifiedName<T>(entries: ReadonlyArray<readonly [string[], T]>, parts: readonly string[], line: number, what: string): T | undefined {
  const wanted = displayName(parts);
  const exact = entries.find(([name]) => displayName(name) === wanted);
  if (exact !== undefined) return exact[1];
  const endsWith = (longer: readonly string[], shorter: readonly string[]): boolean =>
    shorter.length <= longer.length && shorter.every((part, index) => longer[longer.length - shorter.length + index] === part);
  const candidates = entries.filter(([name]) => endsWith(name, parts) || endsWith(parts, name));
  if (candidates.length > 1) {
    throw new SqlInputError('invalid-schema', `${what} ${wanted} is ambiguous: it could be ${candidates.map(([name]) => displayName(name)).join(' or ')}`, line);
  }
  return candidates[0]?.[1];
}

export function findTable(catalog: SqlCatalog, parts: readonly string[], line: number): SqlTableState | undefined {
  const key = displayName(parts);
  return catalog.tables.find((table) => table.key === key)
    ?? findByQualifiedName(catalog.tables.map((table) => [table.parts, table] as const), parts, line, 'table');
}

/** Postgres names are exact once folded; BigQuery column names ignore case. */
export function sameColumnName(left: string, right: string, dialect: SqlDialect): boolean {
  return dialect === 'bigquery' ? left.toLowerCase() === right.toLowerCase() : left === right;
}

export function findColumn(catalog: SqlCatalog, table: SqlTableState, name: string): SqlColumnState | undefined {
  return table.columns.find((column) => sameColumnName(column.name, name, catalog.dialect));
}

export function getColumnOrThrow(catalog: SqlCatalog, table: SqlTableState, name: string, line: number): SqlColumnState {
  const column = findColumn(catalog, table, name);
  if (column === undefined) throw new SqlInputError('invalid-schema', `table ${displayName(table.parts)} has no column ${name}`, line);
  return column;
}

/** Whether a check expression's tokens name the column (an unquoted word or a quoted identifier). */
export function mentionsColumn(tokens: readonly SqlToken[], name: string, dialect: SqlDialect): boolean {
  return tokens.some((token) => isColumnToken(token, name, dialect));
}

export function isColumnToken(token: SqlToken, name: string, dialect: SqlDialect): boolean {
  if (token.kind === 'quoted') return sameColumnName(token.value, name, dialect);
  if (token.kind !== 'word') return false;
  return sameColumnName(dialect === 'postgres' ? token.value.toLowerCase() : token.value, name, dialect);
}
