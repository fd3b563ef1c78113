import type { SqlDialect, SqlToken } from './sql-token.js';

// Keywords after which a `(` opens a list or subexpression rather than a function call.
const spacedKeywords = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'BETWEEN', 'LIKE', 'ILIKE', 'ANY', 'ALL', 'SOME', 'EXISTS', 'WHEN', 'THEN', 'ELSE', 'CASE']);

function renderToken(token: SqlToken, dialect: SqlDialect): string {
  if (token.kind === 'word') return token.value.toLowerCase();
  if (token.kind !== 'string') return token.text;
  return dialect === 'postgres' ? `'${token.value.replace(/'/g, "''")}'` : `'${token.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function spaceBetween(previous: SqlToken, next: SqlToken): boolean {
  if (previous.text === '(' || previous.text === '[' || previous.text === '.' || previous.text === '::') return false;
  if (next.text === ')' || next.text === ']' || next.text === ',' || next.text === '.' || next.text === '::' || next.text === '[') return false;
  if (next.text === '(' && next.kind === 'symbol') return previous.kind !== 'word' || spacedKeywords.has(previous.value.toUpperCase());
  return true;
}

/**
 * An expression in one canonical spelling, so reformatting a CHECK never reads as a change:
 * single spaces between tokens, none inside brackets or before commas, unquoted words in lower
 * case (both dialects compare them case-insensitively), strings in single quotes.
 */
export function renderSqlExpression(tokens: readonly SqlToken[], dialect: SqlDialect): string {
  let text = '';
  let previous: SqlToken | undefined;
  for (const token of tokens) {
    if (previous !== undefined && spaceBetween(previous, token)) text += ' ';
    text += renderToken(token, dialect);
    previous = token;
  }
  return text;
}
