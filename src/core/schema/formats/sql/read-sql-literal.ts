import type { SqlDialect } from './sql-token.js';

/** A literal read from the text: where it ends and its decoded value, or undefined when it never closes. */
export type ScannedLiteral = { end: number; value: string } | undefined;

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

/**
 * A literal closed by `quote`, from `start` (the opening quote). Postgres doubles the quote to
 * escape it; BigQuery (and Postgres `E'…'`) use backslashes. Raw strings keep backslashes but a
 * backslash still stops the next quote from closing the literal, as BigQuery's lexer does.
 */
export function readQuoted(text: string, start: number, quote: string, options: { backslash: boolean; doubled: boolean; raw?: boolean; triple?: boolean }): ScannedLiteral {
  const close = options.triple === true ? quote.repeat(3) : quote;
  let value = '';
  let i = start + close.length;
  while (i < text.length) {
    const char = text.charAt(i);
    if (options.backslash && char === '\\' && i + 1 < text.length) {
      const next = text.charAt(i + 1);
      value += options.raw === true ? char + next : (escapes[next] ?? next);
      i += 2;
      continue;
    }
    if (text.startsWith(close, i)) {
      if (options.doubled && options.triple !== true && text.charAt(i + 1) === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { end: i + close.length, value };
    }
    value += char;
    i += 1;
  }
  return undefined;
}

const dollarTag = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;

/** A Postgres dollar-quoted string (`$$…$$`, `$body$…$body$`) starting at `start`, if one starts there. */
export function readDollarQuoted(text: string, start: number): ScannedLiteral | 'not-dollar-quote' {
  dollarTag.lastIndex = start;
  const tag = dollarTag.exec(text);
  if (tag === null) return 'not-dollar-quote';
  const delimiter = tag[0];
  const close = text.indexOf(delimiter, start + delimiter.length);
  if (close < 0) return undefined;
  return { end: close + delimiter.length, value: text.slice(start + delimiter.length, close) };
}

/** The string prefix a word spells, if a quote follows it directly (`E'…'`, `r"…"`, `b'…'`). */
export function findStringPrefix(word: string, nextChar: string, dialect: SqlDialect): 'escape' | 'plain' | 'raw' | undefined {
  const lower = word.toLowerCase();
  if (dialect === 'postgres') {
    if (nextChar !== "'") return undefined;
    if (lower === 'e') return 'escape';
    return lower === 'b' || lower === 'x' || lower === 'n' ? 'plain' : undefined;
  }
  if (nextChar !== "'" && nextChar !== '"') return undefined;
  if (lower === 'r' || lower === 'rb' || lower === 'br') return 'raw';
  return lower === 'b' ? 'plain' : undefined;
}
