import type { SqlToken } from './sql-token.js';
import { isKeyword } from './sql-token.js';
import type { ClauseKind } from './sql-parser.js';

/** What kind of parenthesis an expression is inside: a call's or list's arguments, or a grouping. */
export type ParenKind = 'call' | 'cast' | 'extract' | 'date-part' | 'list' | 'group';

const valueKeywords = ['LIKE', 'ILIKE', 'IN', 'IS', 'BETWEEN', 'LIMIT', 'OFFSET', 'THEN', 'ELSE', 'WHEN', 'INTERVAL', 'ESCAPE', 'VALUES', 'SIMILAR', 'TO', 'FETCH', 'FIRST', 'NEXT'];

/**
 * Whether a hole (`${…}`, `{{ … }}`) stands for a value or may be SQL text or a name. A hole right
 * after an operator, a value keyword, or inside a call's or list's parentheses is a value; one glued
 * to a name is part of a name; anything else (a whole select item, a condition after WHERE/AND, an
 * ORDER BY item) may name columns.
 */
export function classifyHole(previous: SqlToken | undefined, hole: SqlToken, next: SqlToken | undefined, paren: ParenKind | undefined, clause: ClauseKind, afterBetween: boolean): 'value' | 'fragment' | 'identifier' {
  const glued = (token: SqlToken | undefined, gap: boolean): boolean => token !== undefined && !gap && (token.kind === 'word' || token.kind === 'quoted' || token.text === '.');
  if (glued(previous, hole.gapBefore) || glued(next, next?.gapBefore ?? true)) return 'identifier';
  if (previous === undefined) return clause === 'values' || clause === 'limit' || clause === 'set' ? 'value' : 'fragment';
  if (previous.kind === 'operator') return 'value';
  if (isKeyword(previous, 'AND') && afterBetween) return 'value';
  if (isKeyword(previous, ...valueKeywords)) return 'value';
  if (previous.kind === 'punct' && (previous.text === '(' || previous.text === ',')) {
    if (paren !== undefined && paren !== 'group') return 'value';
    return clause === 'values' || clause === 'limit' ? 'value' : 'fragment';
  }
  return 'fragment';
}
