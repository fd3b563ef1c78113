import type { SqlToken } from './sql-token.js';
import type { SqlCursor } from './sql-cursor.js';

/**
 * The tokens of one expression, up to a `,`, `)` or `;` outside brackets, or a keyword at which
 * `stop` says the expression ends (`DEFAULT 0 NOT NULL`). `CASE … END` nests like brackets, so
 * the `NULL` in `CASE WHEN x IS NULL THEN …` stays inside.
 */
export function readSqlExpression(cursor: SqlCursor, context: string, stop?: (cursor: SqlCursor) => boolean): SqlToken[] {
  const tokens: SqlToken[] = [];
  let depth = 0;
  while (!cursor.atEnd() && !cursor.atSymbol(';')) {
    if (depth === 0 && (cursor.atSymbol(',') || cursor.atSymbol(')'))) break;
    if (depth === 0 && tokens.length > 0 && stop?.(cursor) === true) break;
    const token = cursor.peek();
    if (token.kind === 'symbol' && (token.text === '(' || token.text === '[')) depth += 1;
    if (token.kind === 'symbol' && (token.text === ')' || token.text === ']')) depth -= 1;
    if (cursor.atWord('CASE')) depth += 1;
    if (cursor.atWord('END') && depth > 0) depth -= 1;
    tokens.push(cursor.next());
  }
  if (depth > 0) cursor.fail('")"', `to close the expression ${context}`);
  if (tokens.length === 0) cursor.fail('an expression', context);
  return tokens;
}

/** Consumes one parenthesised group, nested groups included, and returns the tokens inside it. */
export function readParenthesized(cursor: SqlCursor, context: string): SqlToken[] {
  cursor.expectSymbol('(', context);
  const tokens: SqlToken[] = [];
  let depth = 0;
  while (depth > 0 || !cursor.atSymbol(')')) {
    if (cursor.atEnd() || cursor.atSymbol(';')) cursor.fail('")"', context);
    if (cursor.atSymbol('(')) depth += 1;
    if (cursor.atSymbol(')')) depth -= 1;
    tokens.push(cursor.next());
  }
  cursor.next();
  return tokens;
}

/** BigQuery `OPTIONS (key = value, …)`: each key with its value when that value is one string literal. */
export function parseSqlOptions(cursor: SqlCursor, context: string): Map<string, string | undefined> {
  const options = new Map<string, string | undefined>();
  cursor.expectWords(context, 'OPTIONS');
  cursor.expectSymbol('(', `after OPTIONS ${context}`);
  if (cursor.acceptSymbol(')')) return options;
  do {
    const key = cursor.peek();
    if (key.kind !== 'word' && key.kind !== 'quoted') cursor.fail('an option name', `in OPTIONS ${context}`);
    cursor.next();
    cursor.expectSymbol('=', `after option ${key.value}`);
    const value = readSqlExpression(cursor, `for option ${key.value}`);
    const [only] = value;
    options.set(key.value.toLowerCase(), value.length === 1 && only?.kind === 'string' ? only.value : undefined);
  } while (cursor.acceptSymbol(','));
  cursor.expectSymbol(')', `after OPTIONS ${context}`);
  return options;
}
