import type { SqlCursor } from './sql-cursor.js';
import type { SqlHints } from './sql-hints.js';
import type { SqlCreateTable, SqlStatement } from './sql-ast.js';
import type { SqlName } from './parse-sql-name.js';
import { parseIdentifier, parseQualifiedName } from './parse-sql-name.js';
import { parseColumnDefinition } from './parse-sql-column.js';
import { atTableConstraint, parseTableConstraint } from './parse-sql-constraint.js';
import { parseSqlOptions, readParenthesized, readSqlExpression } from './read-sql-expression.js';
import { skipSqlStatement } from './skip-sql-statement.js';

function parseElement(cursor: SqlCursor, hints: SqlHints, table: SqlCreateTable, display: string): void {
  if (cursor.acceptWords('LIKE')) {
    table.copies.push(parseQualifiedName(cursor, `after LIKE in table ${display}`));
    while (cursor.acceptWords('INCLUDING') || cursor.acceptWords('EXCLUDING')) cursor.next();
    return;
  }
  if (atTableConstraint(cursor)) {
    const constraint = parseTableConstraint(cursor, `in table ${display}`);
    if (constraint !== undefined) table.constraints.push(constraint);
    return;
  }
  table.columns.push(parseColumnDefinition(cursor, hints, `in table ${display}`));
}

function atTailKeyword(cursor: SqlCursor): boolean {
  return ['CLUSTER', 'OPTIONS', 'AS'].some((word) => cursor.atWord(word));
}

/**
 * The clauses after the column list that do not change the columns (storage, partitioning,
 * clustering, a query that fills the table), and the table's OPTIONS description and INHERITS.
 * Anything else is an error, so a missing `;` never swallows the next statement.
 */
function parseTableTail(cursor: SqlCursor, table: SqlCreateTable, display: string): void {
  const context = `after CREATE TABLE ${display}`;
  while (!cursor.atEnd() && !cursor.atSymbol(';')) {
    if (cursor.acceptWords('AS')) {
      skipSqlStatement(cursor);
    } else if (cursor.acceptWords('INHERITS')) {
      cursor.expectSymbol('(', `after INHERITS in table ${display}`);
      do table.inherits.push(parseQualifiedName(cursor, `in INHERITS of table ${display}`));
      while (cursor.acceptSymbol(','));
      cursor.expectSymbol(')', `after INHERITS in table ${display}`);
    } else if (cursor.atWord('OPTIONS') && cursor.atSymbol('(', 1)) {
      const description = parseSqlOptions(cursor, `for table ${display}`).get('description');
      if (description !== undefined) table.description = description;
    } else if (cursor.acceptWords('PARTITION', 'BY')) {
      if (['RANGE', 'LIST', 'HASH'].some((word) => cursor.acceptWords(word))) readParenthesized(cursor, `after PARTITION BY in table ${display}`);
      else readSqlExpression(cursor, `after PARTITION BY in table ${display}`, atTailKeyword);
    } else if (cursor.acceptWords('CLUSTER', 'BY')) {
      do parseIdentifier(cursor, `after CLUSTER BY in table ${display}`);
      while (cursor.acceptSymbol(','));
    } else if (cursor.acceptWords('WITH', 'PARTITION', 'COLUMNS')) {
      if (cursor.atSymbol('(')) readParenthesized(cursor, `after WITH PARTITION COLUMNS in table ${display}`);
    } else if (cursor.acceptWords('WITH', 'CONNECTION')) {
      parseQualifiedName(cursor, `after WITH CONNECTION in table ${display}`);
    } else if (cursor.acceptWords('WITH') || cursor.acceptWords('WITHOUT', 'OIDS')) {
      if (cursor.atSymbol('(')) readParenthesized(cursor, `after WITH in table ${display}`);
    } else if (cursor.acceptWords('USING') || cursor.acceptWords('TABLESPACE')) {
      parseIdentifier(cursor, context);
    } else if (cursor.acceptWords('ON', 'COMMIT')) {
      cursor.next();
      cursor.acceptWords('ROWS');
    } else if (cursor.acceptWords('DEFAULT', 'COLLATE')) {
      cursor.next();
    } else if (cursor.acceptWords('FOR', 'SYSTEM_TIME', 'AS', 'OF')) {
      readSqlExpression(cursor, context, atTailKeyword);
    } else {
      cursor.fail('";"', context);
    }
  }
}

/**
 * `CREATE … TABLE [IF NOT EXISTS] name (columns and constraints) [clauses]`, after the word TABLE.
 * A table whose columns the DDL does not list (`AS SELECT` alone, `PARTITION OF`, `OF type`) is
 * returned as opaque: the file defines it, but not its schema.
 */
export function parseCreateTable(cursor: SqlCursor, hints: SqlHints, head: { replace: boolean; line: number }): SqlStatement {
  const renamedFrom = hints.take(head.line);
  const ifNotExists = cursor.acceptWords('IF', 'NOT', 'EXISTS');
  const name: SqlName = parseQualifiedName(cursor, 'after CREATE TABLE');
  const display = name.parts.join('.');
  if (cursor.atWord('AS') || cursor.atWords('PARTITION', 'OF') || cursor.atWord('OF')) {
    skipSqlStatement(cursor);
    return { kind: 'opaque-table', name };
  }
  const table: SqlCreateTable = { kind: 'create-table', name, columns: [], constraints: [], copies: [], inherits: [], renamedFrom, replace: head.replace, ifNotExists, line: head.line };
  if (cursor.atWord('LIKE') || cursor.atWord('COPY') || cursor.atWord('CLONE')) {
    cursor.next();
    table.copies.push(parseQualifiedName(cursor, `after CREATE TABLE ${display} LIKE`));
  } else {
    cursor.expectSymbol('(', `after CREATE TABLE ${display}`);
    if (!cursor.acceptSymbol(')')) {
      do parseElement(cursor, hints, table, display);
      while (cursor.acceptSymbol(','));
      cursor.expectSymbol(')', 'after column list');
    }
  }
  parseTableTail(cursor, table, display);
  return table;
}
