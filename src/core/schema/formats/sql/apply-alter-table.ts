import type { SqlDialect, SqlToken } from './sql-token.js';
import type { SqlAlterAction, SqlColumnChange } from './sql-ast.js';
import type { SqlCatalog, SqlColumnState, SqlTableState } from './sql-catalog.js';
import { SqlInputError } from './sql-input-error.js';
import { displayName, findColumn, getColumnOrThrow, isColumnToken, mentionsColumn, sameColumnName } from './sql-catalog.js';
import { addColumn, addConstraint } from './apply-create-table.js';

function renamedToken(token: SqlToken, name: string, dialect: SqlDialect): SqlToken {
  const bare = dialect === 'postgres' ? /^[a-z_][a-z0-9_$]*$/.test(name) : /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
  if (bare) return { ...token, kind: 'word', text: name, value: name };
  const text = dialect === 'postgres' ? `"${name.replace(/"/g, '""')}"` : `\`${name}\``;
  return { ...token, kind: 'quoted', text, value: name };
}

/** Renames a column everywhere the table refers to it, as Postgres rewrites constraints on RENAME COLUMN. */
function renameColumn(catalog: SqlCatalog, table: SqlTableState, from: string, to: string, line: number): void {
  const column = getColumnOrThrow(catalog, table, from, line);
  const existing = findColumn(catalog, table, to);
  if (existing !== undefined && existing !== column) {
    throw new SqlInputError('invalid-schema', `cannot rename ${from} to ${to}: table ${displayName(table.parts)} already has a column ${to}`, line);
  }
  const oldName = column.name;
  column.renamedFrom = [...column.renamedFrom, oldName];
  column.name = to;
  for (const constraint of table.constraints) {
    constraint.columns = constraint.columns.map((name) => (sameColumnName(name, oldName, catalog.dialect) ? to : name));
    if (constraint.check !== undefined) {
      constraint.check = constraint.check.map((token) => (isColumnToken(token, oldName, catalog.dialect) ? renamedToken(token, to, catalog.dialect) : token));
    }
  }
}

/** Drops a column and, as Postgres does, every constraint that involves it. */
function dropColumn(catalog: SqlCatalog, table: SqlTableState, column: SqlColumnState): void {
  table.columns.splice(table.columns.indexOf(column), 1);
  table.constraints = table.constraints.filter((constraint) =>
    !constraint.columns.some((name) => sameColumnName(name, column.name, catalog.dialect)) && !mentionsColumn(constraint.check ?? [], column.name, catalog.dialect));
}

function changeColumn(column: SqlColumnState, change: SqlColumnChange): void {
  switch (change.kind) {
    case 'type':
      column.type = change.type;
      return;
    case 'not-null':
      column.notNull = change.notNull;
      return;
    case 'default':
      column.hasDefault = change.hasDefault;
      return;
    case 'description':
      if (change.description === undefined) delete column.description;
      else column.description = change.description;
  }
}

function renameTable(table: SqlTableState, parts: string[]): void {
  table.renamedFrom = [...table.renamedFrom, table.key];
  table.parts = parts;
  table.key = displayName(parts);
}

function removeConstraints(table: SqlTableState, matches: (name: string, kind: string) => boolean, missing: () => void): void {
  const kept = table.constraints.filter((constraint) => !matches(constraint.name, constraint.kind));
  if (kept.length === table.constraints.length) missing();
  table.constraints = kept;
}

/** Applies one ALTER TABLE action to the table, in order, as the database would. */
export function applyAlterAction(catalog: SqlCatalog, table: SqlTableState, action: SqlAlterAction): void {
  const name = displayName(table.parts);
  switch (action.kind) {
    case 'add-column':
      if (action.ifNotExists && findColumn(catalog, table, action.column.name) !== undefined) return;
      addColumn(catalog, table, action.column);
      return;
    case 'drop-column': {
      const column = findColumn(catalog, table, action.name);
      if (column !== undefined) dropColumn(catalog, table, column);
      else if (!action.ifExists) throw new SqlInputError('invalid-schema', `table ${name} has no column ${action.name} to drop`, action.line);
      return;
    }
    case 'rename-column':
      renameColumn(catalog, table, action.from, action.to, action.line);
      return;
    case 'rename-table':
      // A one-part new name stays in the table's schema or dataset.
      renameTable(table, action.to.parts.length === 1 ? [...table.parts.slice(0, -1), ...action.to.parts] : action.to.parts);
      return;
    case 'set-schema':
      renameTable(table, [...table.parts.slice(0, -2), action.schema, table.parts.at(-1) ?? '']);
      return;
    case 'alter-column':
      changeColumn(getColumnOrThrow(catalog, table, action.name, action.line), action.change);
      return;
    case 'add-constraint':
      addConstraint(catalog, table, action.constraint);
      return;
    case 'drop-constraint':
      removeConstraints(table, (constraint) => constraint === action.name, () => {
        if (!action.ifExists) throw new SqlInputError('invalid-schema', `table ${name} has no constraint named ${action.name}`, action.line);
      });
      return;
    case 'drop-primary-key':
      removeConstraints(table, (_constraint, kind) => kind === 'primaryKey', () => {
        if (!action.ifExists) throw new SqlInputError('invalid-schema', `table ${name} has no primary key to drop`, action.line);
      });
      return;
    case 'rename-constraint':
      for (const constraint of table.constraints) if (constraint.name === action.from) constraint.name = action.to;
      return;
    case 'set-description':
      if (action.description === undefined) delete table.description;
      else table.description = action.description;
  }
}
