import type { SqlDialect } from './sql-token.js';
import type { SqlStatement } from './sql-ast.js';
import type { SqlCatalog, SqlTableState } from './sql-catalog.js';
import type { SqlName } from './parse-sql-name.js';
import { SqlInputError } from './sql-input-error.js';
import { displayName, findByQualifiedName, findTable, getColumnOrThrow } from './sql-catalog.js';
import { applyCreateTable } from './apply-create-table.js';
import { applyAlterAction } from './apply-alter-table.js';
import { renderSqlExpression } from './render-sql-expression.js';

function getTableOrThrow(catalog: SqlCatalog, name: SqlName, statement: string): SqlTableState | 'opaque' {
  const table = findTable(catalog, name.parts, name.line);
  if (table !== undefined) return table;
  if (catalog.opaque.has(displayName(name.parts))) return 'opaque';
  throw new SqlInputError('invalid-schema', `${statement} ${displayName(name.parts)}: the file does not create that table before this statement`, name.line);
}

function applyEnumChange(catalog: SqlCatalog, statement: Extract<SqlStatement, { kind: 'alter-enum' }>): void {
  const entries = [...catalog.enums.entries()].map(([key, value]) => [key.split('.'), value] as const);
  const found = findByQualifiedName(entries, statement.name.parts, statement.line, 'type');
  const name = displayName(statement.name.parts);
  if (found === undefined) throw new SqlInputError('invalid-schema', `ALTER TYPE ${name}: the file does not create that enum before this statement`, statement.line);
  const { change } = statement;
  if (change.kind === 'rename') {
    const index = found.symbols.indexOf(change.from);
    if (index < 0) throw new SqlInputError('invalid-schema', `enum ${name} has no value '${change.from}' to rename`, statement.line);
    found.symbols[index] = change.to;
    return;
  }
  if (found.symbols.includes(change.value)) {
    if (change.ifNotExists) return;
    throw new SqlInputError('invalid-schema', `enum ${name} already has the value '${change.value}'`, statement.line);
  }
  const anchor = change.before ?? change.after;
  const at = anchor === undefined ? found.symbols.length : found.symbols.indexOf(anchor);
  if (at < 0) throw new SqlInputError('invalid-schema', `enum ${name} has no value '${anchor ?? ''}'`, statement.line);
  found.symbols.splice(change.after === undefined ? at : at + 1, 0, change.value);
}

function applyStatement(catalog: SqlCatalog, statement: SqlStatement): void {
  switch (statement.kind) {
    case 'create-table':
      applyCreateTable(catalog, statement);
      return;
    case 'opaque-table':
      catalog.opaque.add(displayName(statement.name.parts));
      return;
    case 'create-enum':
      catalog.enums.set(displayName(statement.name.parts), { name: displayName(statement.name.parts), symbols: [...statement.symbols] });
      return;
    case 'alter-enum':
      applyEnumChange(catalog, statement);
      return;
    case 'create-domain': {
      const checks = statement.checks.map((tokens) => renderSqlExpression(tokens, catalog.dialect));
      const domain = { name: displayName(statement.name.parts), base: statement.base, notNull: statement.notNull };
      catalog.domains.set(domain.name, checks.length === 0 ? domain : { ...domain, check: checks.join(' AND ') });
      return;
    }
    case 'alter-table': {
      // OWNER TO, SET STATISTICS and the like change no column, and Postgres runs them on views and sequences too.
      if (statement.actions.length === 0) return;
      const table = statement.ifExists ? findTable(catalog, statement.name.parts, statement.name.line) : getTableOrThrow(catalog, statement.name, 'ALTER TABLE');
      if (table === undefined || table === 'opaque') return;
      for (const action of statement.actions) applyAlterAction(catalog, table, action);
      return;
    }
    case 'comment': {
      const tableName = statement.target === 'column' ? { ...statement.name, parts: statement.name.parts.slice(0, -1) } : statement.name;
      const table = getTableOrThrow(catalog, tableName, `COMMENT ON ${statement.target.toUpperCase()}`);
      if (table === 'opaque') return;
      const target = statement.target === 'column' ? getColumnOrThrow(catalog, table, statement.name.parts.at(-1) ?? '', statement.name.line) : table;
      if (statement.text === undefined) delete target.description;
      else target.description = statement.text;
      return;
    }
    case 'drop-table':
      for (const name of statement.names) {
        const table = findTable(catalog, name.parts, name.line);
        if (table !== undefined) catalog.tables.splice(catalog.tables.indexOf(table), 1);
        catalog.opaque.delete(displayName(name.parts));
      }
  }
}

/** Runs the statements in order and returns the tables, enums and domains they leave defined. */
export function applySqlStatements(statements: readonly SqlStatement[], dialect: SqlDialect): SqlCatalog {
  const catalog: SqlCatalog = { dialect, tables: [], enums: new Map(), domains: new Map(), opaque: new Set() };
  for (const statement of statements) applyStatement(catalog, statement);
  return catalog;
}
