import type { SqlToken } from './sql-token.js';
import type { SqlCursor } from './sql-cursor.js';
import type { SqlHints } from './sql-hints.js';
import type { SqlStatement } from './sql-ast.js';
import type { SqlName } from './parse-sql-name.js';
import { parseQualifiedName } from './parse-sql-name.js';
import { parseSqlType } from './parse-sql-type.js';
import { readParenthesized, readSqlExpression } from './read-sql-expression.js';
import { atColumnConstraint } from './parse-sql-column.js';
import { skipSqlStatement } from './skip-sql-statement.js';

function expectString(cursor: SqlCursor, context: string): string {
  const token = cursor.peek();
  if (token.kind !== 'string') cursor.fail('a string', context);
  cursor.next();
  return token.value;
}

/** `CREATE TYPE name AS ENUM ('a', …)`, after CREATE TYPE; other kinds of type are skipped. */
export function parseCreateType(cursor: SqlCursor): SqlStatement | undefined {
  const name = parseQualifiedName(cursor, 'after CREATE TYPE');
  if (!cursor.acceptWords('AS', 'ENUM')) {
    skipSqlStatement(cursor);
    return undefined;
  }
  const context = `in enum ${name.parts.join('.')}`;
  cursor.expectSymbol('(', context);
  const symbols: string[] = [];
  if (!cursor.acceptSymbol(')')) {
    do symbols.push(expectString(cursor, context));
    while (cursor.acceptSymbol(','));
    cursor.expectSymbol(')', `after the values ${context}`);
  }
  return { kind: 'create-enum', name, symbols };
}

/** `ALTER TYPE name ADD VALUE … | RENAME VALUE 'a' TO 'b'`, after ALTER TYPE; other changes are skipped. */
export function parseAlterType(cursor: SqlCursor): SqlStatement | undefined {
  const name = parseQualifiedName(cursor, 'after ALTER TYPE');
  const line = cursor.lineHere();
  const context = `in ALTER TYPE ${name.parts.join('.')}`;
  if (cursor.acceptWords('ADD', 'VALUE')) {
    const ifNotExists = cursor.acceptWords('IF', 'NOT', 'EXISTS');
    const value = expectString(cursor, context);
    if (cursor.acceptWords('BEFORE')) return { kind: 'alter-enum', name, change: { kind: 'add', value, before: expectString(cursor, context), ifNotExists }, line };
    if (cursor.acceptWords('AFTER')) return { kind: 'alter-enum', name, change: { kind: 'add', value, after: expectString(cursor, context), ifNotExists }, line };
    return { kind: 'alter-enum', name, change: { kind: 'add', value, ifNotExists }, line };
  }
  if (cursor.acceptWords('RENAME', 'VALUE')) {
    const from = expectString(cursor, context);
    cursor.expectWords(context, 'TO');
    return { kind: 'alter-enum', name, change: { kind: 'rename', from, to: expectString(cursor, context) }, line };
  }
  skipSqlStatement(cursor);
  return undefined;
}

/** `CREATE DOMAIN name [AS] type [DEFAULT …] [NOT NULL] [CHECK (…)]…`, after CREATE DOMAIN. */
export function parseCreateDomain(cursor: SqlCursor, hints: SqlHints): SqlStatement {
  const name = parseQualifiedName(cursor, 'after CREATE DOMAIN');
  cursor.acceptWords('AS');
  const base = parseSqlType(cursor, hints, `for domain ${name.parts.join('.')}`);
  const domain = { kind: 'create-domain' as const, name, base, notNull: false, checks: [] as SqlToken[][] };
  while (!cursor.atEnd() && !cursor.atSymbol(';')) {
    if (cursor.acceptWords('CONSTRAINT')) cursor.next();
    else if (cursor.acceptWords('NOT', 'NULL')) domain.notNull = true;
    else if (cursor.acceptWords('NULL')) domain.notNull = false;
    else if (cursor.acceptWords('CHECK')) domain.checks.push(readParenthesized(cursor, 'after CHECK in the domain'));
    else if (cursor.acceptWords('DEFAULT')) readSqlExpression(cursor, 'after DEFAULT in the domain', atColumnConstraint);
    else if (cursor.acceptWords('COLLATE')) cursor.next();
    else cursor.fail('NOT NULL, NULL, CHECK, DEFAULT or ";"', `in domain ${name.parts.join('.')}`);
  }
  return domain;
}

/** `COMMENT ON TABLE t | COLUMN t.c IS '…' | NULL`, after COMMENT ON; comments on other objects are skipped. */
export function parseComment(cursor: SqlCursor): SqlStatement | undefined {
  const target = cursor.acceptWords('TABLE') ? 'table' : cursor.acceptWords('COLUMN') ? 'column' : undefined;
  if (target === undefined) {
    skipSqlStatement(cursor);
    return undefined;
  }
  const name: SqlName = parseQualifiedName(cursor, `after COMMENT ON ${target.toUpperCase()}`);
  if (target === 'column' && name.parts.length < 2) cursor.fail('a table-qualified column (table.column)', 'after COMMENT ON COLUMN');
  cursor.expectWords(`after COMMENT ON ${target.toUpperCase()} ${name.parts.join('.')}`, 'IS');
  if (cursor.acceptWords('NULL')) return { kind: 'comment', target, name, text: undefined };
  // Postgres reads string constants separated by a line break as one constant.
  let text = expectString(cursor, `after IS in COMMENT ON ${target.toUpperCase()}`);
  while (cursor.peek().kind === 'string') text += cursor.next().value;
  return { kind: 'comment', target, name, text };
}

/** `DROP TABLE [IF EXISTS] a, b [CASCADE]`, after DROP TABLE. */
export function parseDropTable(cursor: SqlCursor): SqlStatement {
  const ifExists = cursor.acceptWords('IF', 'EXISTS');
  const names = [parseQualifiedName(cursor, 'after DROP TABLE')];
  while (cursor.acceptSymbol(',')) names.push(parseQualifiedName(cursor, 'after DROP TABLE'));
  if (!cursor.acceptWords('CASCADE')) cursor.acceptWords('RESTRICT');
  return { kind: 'drop-table', names, ifExists };
}
