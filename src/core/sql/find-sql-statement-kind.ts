import type { SqlDialect, SqlHole } from './sql-types.js';
import type { SqlToken } from './sql-token.js';
import { tokenizeSql } from './tokenize-sql.js';
import { isKeyword, isSymbol } from './sql-token.js';

/** The clause words each statement needs besides its first word, so prose ("Update the user") never reads as SQL. */
const required: Record<string, readonly string[]> = {
  SELECT: ['FROM'],
  WITH: ['AS'],
  INSERT: ['VALUES', 'VALUE', 'SELECT', 'SET', 'DEFAULT'],
  REPLACE: ['VALUES', 'SELECT', 'SET'],
  UPDATE: ['SET'],
  DELETE: ['FROM', 'WHERE'],
  MERGE: ['USING'],
  CREATE: ['AS'],
  EXPLAIN: ['FROM'],
};

function mentions(tokens: readonly SqlToken[], from: number, words: readonly string[]): boolean {
  return tokens.slice(from).some((token) => isKeyword(token, ...words));
}

/**
 * The keyword a text starts with when it reads as a SQL statement that can touch a table
 * (`SELECT … FROM`, `WITH … AS`, `INSERT … VALUES`, `UPDATE … SET`, `DELETE FROM`, `MERGE … USING`,
 * `CREATE … AS`), skipping leading holes and parentheses; undefined for prose like
 * "user_email missing" and for text that does not tokenize as SQL.
 */
export function findSqlStatementKind(text: string, options: { dialect: SqlDialect; holes?: readonly SqlHole[] }): string | undefined {
  const tokenized = tokenizeSql(text, options.dialect, options.holes ?? []);
  if (!tokenized.ok) return undefined;
  const tokens = tokenized.tokens;
  let index = 0;
  while (tokens[index]?.kind === 'hole' || isSymbol(tokens[index], '(')) index += 1;
  const first = tokens[index];
  if (first?.kind !== 'word') return undefined;
  const words = required[first.value];
  if (words === undefined || !mentions(tokens, index + 1, words)) return undefined;
  return first.value;
}
