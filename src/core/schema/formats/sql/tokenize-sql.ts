import type { SqlComment, SqlDialect, SqlToken, SqlTokenKind, SqlTokens } from './sql-token.js';
import { SqlInputError } from './sql-input-error.js';
import { makeLineIndex } from './sql-line-index.js';
import type { ScannedLiteral } from './read-sql-literal.js';
import { findStringPrefix, readDollarQuoted, readQuoted } from './read-sql-literal.js';

const punctuation = new Set(['(', ')', ',', ';', '.', '[', ']', '{', '}']);
const postgresOperatorChars = new Set([...'+-*/<>=~!@#%^&|`?:']);
const bigQueryOperatorChars = new Set([...'+-*/<>=~!@%^&|?:']);
// Postgres: a multi-character operator may end in + or - only if it holds one of these.
const operatorSpecials = new Set([...'~!@#%^&|`?']);
const wordStart = /[\p{L}_]/u;
const postgresWordPart = /[\p{L}\p{N}_$]/u;
const bigQueryWordPart = /[\p{L}\p{N}_]/u;
const numberPattern = /0[xX][0-9a-fA-F]+|(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const parameterPattern = /\$\d+/y;

type Scan = { text: string; dialect: SqlDialect; lineOf: (offset: number) => number; tokens: SqlToken[]; comments: SqlComment[] };

function push(scan: Scan, kind: SqlTokenKind, start: number, end: number, value: string): number {
  const text = scan.text.slice(start, end);
  scan.tokens.push({ kind, text, value, start, end, line: scan.lineOf(start), endLine: scan.lineOf(Math.max(start, end - 1)) });
  return end;
}

function unterminated(scan: Scan, start: number, what: string): never {
  throw new SqlInputError('invalid-syntax', `unterminated ${what}`, scan.lineOf(start));
}

function literal(scan: Scan, start: number, scanned: ScannedLiteral, kind: 'string' | 'quoted', what: string): number {
  if (scanned === undefined) unterminated(scan, start, what);
  return push(scan, kind, start, scanned.end, scanned.value);
}

/** Skips a comment (or a psql meta-command) at `at`; returns where scanning resumes, or undefined when none starts there. */
function skipComment(scan: Scan, at: number): number | undefined {
  const { text } = scan;
  const lineComment = text.startsWith('--', at) || (scan.dialect === 'bigquery' && text.charAt(at) === '#');
  if (lineComment) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    scan.comments.push({ text: text.slice(at, end), line: scan.lineOf(at), endLine: scan.lineOf(at) });
    return end;
  }
  if (scan.dialect === 'postgres' && text.charAt(at) === '\\') {
    // A psql meta-command (`\restrict …` in pg_dump output, `\connect`) runs to the end of its line.
    const newline = text.indexOf('\n', at);
    return newline < 0 ? text.length : newline;
  }
  if (!text.startsWith('/*', at)) return undefined;
  // Postgres block comments nest; BigQuery's do not.
  let depth = 1;
  let i = at + 2;
  while (i < text.length && depth > 0) {
    if (text.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
    } else if (scan.dialect === 'postgres' && text.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  if (depth > 0) unterminated(scan, at, 'block comment');
  scan.comments.push({ text: text.slice(at, i), line: scan.lineOf(at), endLine: scan.lineOf(i - 1) });
  return i;
}

function scanOperator(scan: Scan, at: number): number {
  const { text } = scan;
  const chars = scan.dialect === 'postgres' ? postgresOperatorChars : bigQueryOperatorChars;
  let end = at;
  while (end < text.length && chars.has(text.charAt(end))) {
    if (end > at && (text.startsWith('--', end) || text.startsWith('/*', end))) break;
    end += 1;
  }
  let operator = text.slice(at, end);
  while (operator.length > 1 && /[+-]$/.test(operator) && ![...operator].some((char) => operatorSpecials.has(char))) {
    operator = operator.slice(0, -1);
  }
  return push(scan, 'symbol', at, at + operator.length, operator);
}

function scanWordOrPrefixedString(scan: Scan, at: number): number {
  const { text, dialect } = scan;
  const part = dialect === 'postgres' ? postgresWordPart : bigQueryWordPart;
  let end = at + 1;
  while (end < text.length && part.test(text.charAt(end))) end += 1;
  const word = text.slice(at, end);
  const quote = text.charAt(end);
  const prefix = findStringPrefix(word, quote, dialect);
  if (prefix === undefined) return push(scan, 'word', at, end, word);
  if (dialect === 'postgres') {
    return literal(scan, at, readQuoted(text, end, "'", { backslash: prefix === 'escape', doubled: true }), 'string', 'string');
  }
  const triple = text.startsWith(quote.repeat(3), end);
  return literal(scan, at, readQuoted(text, end, quote, { backslash: true, doubled: false, raw: prefix === 'raw', triple }), 'string', 'string');
}

function scanQuote(scan: Scan, at: number, char: string): number {
  const { text, dialect } = scan;
  if (dialect === 'postgres') {
    if (char === "'") return literal(scan, at, readQuoted(text, at, "'", { backslash: false, doubled: true }), 'string', 'string');
    return literal(scan, at, readQuoted(text, at, '"', { backslash: false, doubled: true }), 'quoted', 'quoted identifier');
  }
  if (char === '`') return literal(scan, at, readQuoted(text, at, '`', { backslash: true, doubled: false }), 'quoted', 'quoted identifier');
  const triple = text.startsWith(char.repeat(3), at);
  return literal(scan, at, readQuoted(text, at, char, { backslash: true, doubled: false, triple }), 'string', 'string');
}

function scanToken(scan: Scan, at: number): number {
  const { text, dialect } = scan;
  const char = text.charAt(at);
  if (char === "'" || char === '"' || (char === '`' && dialect === 'bigquery')) return scanQuote(scan, at, char);
  if (dialect === 'postgres' && char === '$') {
    const dollar = readDollarQuoted(text, at);
    if (dollar !== 'not-dollar-quote') return literal(scan, at, dollar, 'string', 'dollar-quoted string');
    parameterPattern.lastIndex = at;
    const parameter = parameterPattern.exec(text);
    if (parameter !== null) return push(scan, 'symbol', at, at + parameter[0].length, parameter[0]);
  }
  if (wordStart.test(char)) return scanWordOrPrefixedString(scan, at);
  numberPattern.lastIndex = at;
  const number = /[\d.]/.test(char) ? numberPattern.exec(text) : null;
  if (number !== null && number[0] !== '') return push(scan, 'number', at, at + number[0].length, number[0]);
  if (punctuation.has(char)) return push(scan, 'symbol', at, at + 1, char);
  const operatorChars = dialect === 'postgres' ? postgresOperatorChars : bigQueryOperatorChars;
  if (operatorChars.has(char)) return scanOperator(scan, at);
  throw new SqlInputError('invalid-syntax', `unexpected character ${JSON.stringify(char)}`, scan.lineOf(at));
}

/**
 * Splits SQL text into tokens and comments by the dialect's rules (quoting, escapes, comment
 * styles, dollar quoting). Throws `SqlInputError` on an unterminated literal or comment.
 */
export function tokenizeSql(text: string, dialect: SqlDialect): SqlTokens {
  const scan: Scan = { text, dialect, lineOf: makeLineIndex(text), tokens: [], comments: [] };
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    // Space, tab, line feed, carriage return, form feed, vertical tab.
    if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(text.charAt(at)))) {
      at += 1;
      continue;
    }
    at = skipComment(scan, at) ?? scanToken(scan, at);
  }
  const line = scan.lineOf(text.length);
  scan.tokens.push({ kind: 'eof', text: '', value: '', start: text.length, end: text.length, line, endLine: line });
  return { tokens: scan.tokens, comments: scan.comments };
}
