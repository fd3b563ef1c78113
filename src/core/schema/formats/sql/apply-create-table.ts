import type { SqlCreateTable, SqlConstraintDef, SqlColumnDef } from './sql-ast.js';
import type { SqlCatalog, SqlColumnState, SqlTableState } from './sql-catalog.js';
import { SqlInputError } from './sql-input-error.js';
import { displayName, findColumn, findTable, getColumnOrThrow } from './sql-catalog.js';
import { nameSqlConstraint } from './name-sql-constraint.js';

export function columnState(column: SqlColumnDef): SqlColumnState {
  const state: SqlColumnState = { name: column.name, type: column.type, notNull: column.notNull, hasDefault: column.hasDefault, renamedFrom: [...column.renamedFrom], line: column.line };
  if (column.description !== undefined) state.description = column.description;
  return state;
}

/** Adds a column, refusing a second column of the same name. */
export function addColumn(catalog: SqlCatalog, table: SqlTableState, column: SqlColumnDef): void {
  if (findColumn(catalog, table, column.name) !== undefined) {
    throw new SqlInputError('invalid-schema', `table ${displayName(table.parts)} already has a column ${column.name}`, column.line);
  }
  table.columns.push(columnState(column));
  for (const constraint of column.constraints) addConstraint(catalog, table, constraint);
}

/** Adds a key or check after checking the columns it names; a primary key makes its columns NOT NULL. */
export function addConstraint(catalog: SqlCatalog, table: SqlTableState, constraint: SqlConstraintDef): void {
  const columns = constraint.columns.map((name) => getColumnOrThrow(catalog, table, name, constraint.line));
  if (constraint.kind === 'primaryKey') {
    if (table.constraints.some((existing) => existing.kind === 'primaryKey')) {
      throw new SqlInputError('invalid-schema', `table ${displayName(table.parts)} has two primary keys`, constraint.line);
    }
    for (const column of columns) column.notNull = true;
  }
  const named = nameSqlConstraint({ ...constraint, columns: columns.map((column) => column.name) }, table.parts.at(-1) ?? '', table.columns.map((column) => column.name), catalog.dialect);
  table.constraints.push(named);
}

function copyTable(table: SqlTableState): Pick<SqlTableState, 'columns' | 'constraints'> {
  return {
    columns: table.columns.map((column) => ({ ...column, renamedFrom: [] })),
    constraints: table.constraints.filter((constraint) => constraint.kind === 'check').map((constraint) => ({ ...constraint })),
  };
}

function getSourceTableOrThrow(catalog: SqlCatalog, parts: string[], line: number, how: string): SqlTableState {
  const source = findTable(catalog, parts, line);
  if (source !== undefined) return source;
  const reason = catalog.opaque.has(displayName(parts)) ? 'whose columns this file does not list' : 'which this file does not define';
  throw new SqlInputError('invalid-schema', `${how} ${displayName(parts)}, ${reason}`, line);
}

/**
 * Runs a CREATE TABLE: inherited and copied columns first (as Postgres orders them), then the
 * table's own columns and constraints. A second CREATE of the same table is an error unless it
 * says IF NOT EXISTS (then it does nothing) or OR REPLACE.
 */
export function applyCreateTable(catalog: SqlCatalog, statement: SqlCreateTable): void {
  const key = displayName(statement.name.parts);
  const existing = catalog.tables.find((table) => table.key === key);
  if (existing !== undefined && statement.ifNotExists) return;
  if (existing !== undefined && !statement.replace) {
    throw new SqlInputError('invalid-schema', `table ${displayName(statement.name.parts)} is created twice`, statement.line);
  }
  const table: SqlTableState = { parts: statement.name.parts, key, columns: [], constraints: [], renamedFrom: [...statement.renamedFrom] };
  if (statement.description !== undefined) table.description = statement.description;
  for (const parent of [...statement.inherits, ...statement.copies]) {
    const source = copyTable(getSourceTableOrThrow(catalog, parent.parts, parent.line, 'CREATE TABLE copies the columns of'));
    for (const column of source.columns) {
      if (findColumn(catalog, table, column.name) === undefined) table.columns.push(column);
    }
    table.constraints.push(...source.constraints);
  }
  for (const column of statement.columns) addColumn(catalog, table, column);
  for (const constraint of statement.constraints) addConstraint(catalog, table, constraint);
  catalog.opaque.delete(displayName(table.parts));
  if (existing !== undefined) catalog.tables.splice(catalog.tables.indexOf(existing), 1, table);
  else catalog.tables.push(table);
}
