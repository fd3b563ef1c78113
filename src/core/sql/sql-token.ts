import type { SqlHoleKind } from './sql-types.js';

export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'operator' | 'punct' | 'hole';

/**
 * One significant token; whitespace, comments and trivia holes are dropped, and only remembered
 * as `gapBefore` / `triviaBefore` on the token that follows them.
 */
export type SqlToken = {
  kind: SqlTokenKind;
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** A word upper-cased for keyword tests; a quoted identifier's name without quotes; else `text`. */
  value: string;
  /** The quote character of a quoted identifier (or of a hole that is one: `"${col}"`). */
  quote?: '"' | '`' | '[';
  /** For a `param`: `??` is knex's identifier binding, the only parameter that can name a column. */
  identifierParam?: boolean;
  hole?: SqlHoleKind;
  /** Whitespace or a comment separates it from the token before. */
  gapBefore: boolean;
  /** A trivia hole (`{% if … %}`) separates it from the token before. */
  triviaBefore: boolean;
};

/** Whether the token is an unquoted word equal to one of the keywords (upper case). */
export function isKeyword(token: SqlToken | undefined, ...keywords: string[]): boolean {
  return token !== undefined && token.kind === 'word' && keywords.includes(token.value);
}

/** Whether the token is the punctuation or operator `text`. */
export function isSymbol(token: SqlToken | undefined, text: string): boolean {
  return token !== undefined && (token.kind === 'punct' || token.kind === 'operator') && token.text === text;
}
