import type { SqlCursor } from './sql-cursor.js';
import type { SqlHints } from './sql-hints.js';
import type { SqlStatement } from './sql-ast.js';
import { parseCreateTable } from './parse-create-table.js';
import { parseQualifiedName } from './parse-sql-name.js';
import { parseAlterTable } from './parse-alter-table.js';
import { parseAlterType, parseComment, parseCreateDomain, parseCreateType, parseDropTable } from './parse-sql-misc.js';
import { skipSqlStatement } from './skip-sql-statement.js';

const tableModifiers = ['GLOBAL', 'LOCAL', 'TEMP', 'TEMPORARY', 'UNLOGGED', 'EXTERNAL'];

function parseCreate(cursor: SqlCursor, hints: SqlHints, line: number): SqlStatement | undefined {
  const replace = cursor.acceptWords('OR', 'REPLACE');
  let modified = true;
  while (modified) modified = tableModifiers.some((word) => cursor.acceptWords(word));
  if (cursor.acceptWords('TABLE')) return parseCreateTable(cursor, hints, { replace, line });
  if (cursor.acceptWords('VIEW') || cursor.acceptWords('MATERIALIZED', 'VIEW') || cursor.acceptWords('RECURSIVE', 'VIEW') || cursor.acceptWords('SEQUENCE')) {
    // Not datasets here, but later ALTER TABLE … OWNER TO and COMMENT ON COLUMN statements may name them.
    cursor.acceptWords('IF', 'NOT', 'EXISTS');
    const name = parseQualifiedName(cursor, 'after CREATE VIEW');
    skipSqlStatement(cursor);
    return { kind: 'opaque-table', name };
  }
  if (cursor.acceptWords('TYPE')) return parseCreateType(cursor);
  if (cursor.acceptWords('DOMAIN')) return parseCreateDomain(cursor, hints);
  skipSqlStatement(cursor);
  return undefined;
}

/** One statement; undefined for statements that do not shape a table (views, indexes, grants, DML). */
function parseStatement(cursor: SqlCursor, hints: SqlHints): SqlStatement | undefined {
  const line = cursor.lineHere();
  if (cursor.acceptWords('CREATE')) return parseCreate(cursor, hints, line);
  if (cursor.acceptWords('ALTER', 'TABLE')) return parseAlterTable(cursor, hints);
  if (cursor.acceptWords('ALTER', 'TYPE')) return parseAlterType(cursor);
  if (cursor.acceptWords('COMMENT', 'ON')) return parseComment(cursor);
  if (cursor.acceptWords('DROP', 'TABLE') || cursor.acceptWords('DROP', 'EXTERNAL', 'TABLE')) return parseDropTable(cursor);
  skipSqlStatement(cursor);
  return undefined;
}

/** Every statement of a file, in order; statements end with `;` (the last one may omit it). */
export function parseSqlStatements(cursor: SqlCursor, hints: SqlHints): SqlStatement[] {
  const statements: SqlStatement[] = [];
  while (!cursor.atEnd()) {
    if (cursor.acceptSymbol(';')) continue;
    const statement = parseStatement(cursor, hints);
    if (statement !== undefined) statements.push(statement);
    if (!cursor.atEnd() && !cursor.acceptSymbol(';')) cursor.fail('";"', 'after the statement');
  }
  return statements;
}
