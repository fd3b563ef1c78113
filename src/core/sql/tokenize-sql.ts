import type { SqlDialect, SqlHole } from './sql-types.js';
import type { SqlToken } from './sql-token.js';

export type TokenizeResult = { ok: true; tokens: SqlToken[] } | { ok: false; problem: string; at: number };

const operators = ['->>', '#>>', '::', '->', '#>', '@>', '<@', '||', '<=', '>=', '<>', '!=', '=>', ':=', '?|', '?&', '&&', '<<', '>>', '=', '<', '>', '+', '-', '*', '/', '%', '^', '~', '!', '&', '|', '#', '@', ':', '?'];
const wordStart = /[A-Za-z_\u00c0-\uffff]/;
const wordPart = /[A-Za-z0-9_$\u00c0-\uffff]/;
const digit = /[0-9]/;

type Cursor = { text: string; dialect: SqlDialect; holes: readonly SqlHole[]; position: number };

/** The hole starting exactly at `at`, if any. */
function holeAt(cursor: Cursor, at: number): SqlHole | undefined {
  return cursor.holes.find((hole) => hole.start === at);
}

/** Scans to the closing `close` of a quoted run, stepping over holes; returns the end or -1. */
function scanQuoted(cursor: Cursor, from: number, close: string, backslash: boolean, doubled: boolean): number {
  const { text } = cursor;
  let at = from;
  while (at < text.length) {
    const hole = holeAt(cursor, at);
    if (hole !== undefined) {
      at = hole.end;
      continue;
    }
    if (backslash && text[at] === '\\') {
      at += 2;
      continue;
    }
    if (text.startsWith(close, at)) {
      if (doubled && close.length === 1 && text[at + 1] === close) {
        at += 2;
        continue;
      }
      return at + close.length;
    }
    at += 1;
  }
  return -1;
}

function scanBlockComment(cursor: Cursor, from: number): number {
  const nested = cursor.dialect === 'postgres';
  let depth = 1;
  let at = from + 2;
  while (at < cursor.text.length) {
    if (cursor.text.startsWith('*/', at)) {
      depth -= 1;
      at += 2;
      if (depth === 0 || !nested) return at;
    } else if (nested && cursor.text.startsWith('/*', at)) {
      depth += 1;
      at += 2;
    } else at += 1;
  }
  return -1;
}

/** The end of a string literal starting at `at` (with any dialect prefix), or undefined if none starts there. */
function scanString(cursor: Cursor, at: number): number | undefined {
  const { text, dialect } = cursor;
  const backtickDialect = dialect === 'bigquery' || dialect === 'mysql';
  const prefix = /^(?:[rRbB]{1,2}|[eEnNxX]|[uU]&)?/.exec(text.slice(at, at + 3))?.[0] ?? '';
  for (const size of [prefix.length, 0]) {
    const quoteAt = at + size;
    const quote = text[quoteAt];
    const prefixText = text.slice(at, quoteAt).toLowerCase();
    if (quote !== "'" && !(quote === '"' && backtickDialect)) continue;
    if (size > 0 && /[rb]/.test(prefixText) && dialect !== 'bigquery') continue;
    if (dialect === 'bigquery' && text.startsWith(quote.repeat(3), quoteAt)) {
      return scanQuoted(cursor, quoteAt + 3, quote.repeat(3), !prefixText.includes('r'), false);
    }
    const backslash = backtickDialect ? !prefixText.includes('r') : prefixText === 'e';
    return scanQuoted(cursor, quoteAt + 1, quote, backslash, true);
  }
  return undefined;
}

function scanDollarQuote(cursor: Cursor, at: number): number | undefined {
  if (cursor.dialect !== 'postgres') return undefined;
  const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(cursor.text.slice(at, at + 64))?.[0];
  if (tag === undefined) return undefined;
  const close = cursor.text.indexOf(tag, at + tag.length);
  return close === -1 ? -1 : close + tag.length;
}

function scanNumber(text: string, at: number): number {
  const match = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
  return at + (match?.[0].length ?? 1);
}

function scanParam(text: string, at: number, previous: string | undefined): number | undefined {
  const rest = text.slice(at, at + 200);
  const match = /^(?:\$\d+|\?\?|\?(?![|&])|@@?[A-Za-z_][A-Za-z0-9_.]*|:[A-Za-z_][A-Za-z0-9_]*)/.exec(rest)?.[0];
  if (match === undefined) return undefined;
  // `a::text` is a cast, and `x:y` inside a BigQuery/Snowflake path is no parameter either.
  if (match.startsWith(':') && (previous === ':' || (previous !== undefined && wordPart.test(previous)))) return undefined;
  return at + match.length;
}

/**
 * Splits SQL into significant tokens with exact ranges. Holes become opaque tokens (a hole inside
 * a string or a comment stays part of it); a quoted identifier containing a hole becomes a hole,
 * since its name is only known at run time.
 */
export function tokenizeSql(text: string, dialect: SqlDialect, holes: readonly SqlHole[] = []): TokenizeResult {
  const cursor: Cursor = { text, dialect, holes: [...holes].sort((left, right) => left.start - right.start), position: 0 };
  const tokens: SqlToken[] = [];
  let gap = false;
  let trivia = false;
  let at = 0;
  const push = (token: Omit<SqlToken, 'gapBefore' | 'triviaBefore'>): void => {
    tokens.push({ ...token, gapBefore: gap, triviaBefore: trivia });
    gap = false;
    trivia = false;
  };
  while (at < text.length) {
    const char = text[at] ?? '';
    const hole = holeAt(cursor, at);
    if (hole !== undefined) {
      if (hole.kind === 'trivia') {
        gap = true;
        trivia = true;
      } else push({ kind: 'hole', start: hole.start, end: hole.end, text: text.slice(hole.start, hole.end), value: '', hole: hole.kind ?? 'expression' });
      at = Math.max(hole.end, at + 1);
      continue;
    }
    if (/\s/.test(char)) {
      gap = true;
      at += 1;
      continue;
    }
    if (text.startsWith('--', at) || (char === '#' && (dialect === 'mysql' || dialect === 'bigquery'))) {
      const newline = text.indexOf('\n', at);
      at = newline === -1 ? text.length : newline + 1;
      gap = true;
      continue;
    }
    if (text.startsWith('/*', at)) {
      const end = scanBlockComment(cursor, at);
      if (end === -1) return { ok: false, problem: 'unterminated /* comment', at };
      at = end;
      gap = true;
      continue;
    }
    const stringEnd = scanString(cursor, at);
    if (stringEnd !== undefined) {
      if (stringEnd === -1) return { ok: false, problem: 'unterminated string literal', at };
      push({ kind: 'string', start: at, end: stringEnd, text: text.slice(at, stringEnd), value: text.slice(at, stringEnd) });
      at = stringEnd;
      continue;
    }
    const dollarEnd = scanDollarQuote(cursor, at);
    if (dollarEnd !== undefined) {
      if (dollarEnd === -1) return { ok: false, problem: 'unterminated dollar-quoted string', at };
      push({ kind: 'string', start: at, end: dollarEnd, text: text.slice(at, dollarEnd), value: text.slice(at, dollarEnd) });
      at = dollarEnd;
      continue;
    }
    const quote = char === '"' && dialect !== 'bigquery' && dialect !== 'mysql' ? '"' : char === '`' ? '`' : undefined;
    if (quote !== undefined) {
      const end = scanQuoted(cursor, at + 1, quote, quote === '`' && dialect === 'bigquery', true);
      if (end === -1) return { ok: false, problem: `unterminated ${quote}quoted identifier`, at };
      const raw = text.slice(at, end);
      const dynamic = cursor.holes.some((hole) => hole.start > at && hole.end < end);
      if (dynamic) push({ kind: 'hole', start: at, end, text: raw, value: '', hole: 'expression', quote });
      else push({ kind: 'quoted', start: at, end, text: raw, value: raw.slice(1, -1).split(quote + quote).join(quote), quote });
      at = end;
      continue;
    }
    if (wordStart.test(char)) {
      let end = at + 1;
      while (end < text.length && wordPart.test(text[end] ?? '') && holeAt(cursor, end) === undefined) end += 1;
      const word = text.slice(at, end);
      push({ kind: 'word', start: at, end, text: word, value: word.toUpperCase() });
      at = end;
      continue;
    }
    if (digit.test(char) || (char === '.' && digit.test(text[at + 1] ?? '') && !/[\w`")\]]/.test(text[at - 1] ?? ''))) {
      const end = scanNumber(text, at);
      push({ kind: 'number', start: at, end, text: text.slice(at, end), value: text.slice(at, end) });
      at = end;
      continue;
    }
    const paramEnd = scanParam(text, at, text[at - 1]);
    if (paramEnd !== undefined) {
      const param = text.slice(at, paramEnd);
      push({ kind: 'param', start: at, end: paramEnd, text: param, value: param, identifierParam: param === '??' });
      at = paramEnd;
      continue;
    }
    if ('(),;.[]{}'.includes(char)) {
      push({ kind: 'punct', start: at, end: at + 1, text: char, value: char });
      at += 1;
      continue;
    }
    const operator = operators.find((candidate) => text.startsWith(candidate, at)) ?? char;
    push({ kind: 'operator', start: at, end: at + operator.length, text: operator, value: operator });
    at += operator.length;
  }
  return { ok: true, tokens };
}
