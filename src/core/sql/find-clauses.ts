import { isKeyword } from './sql-token.js';
import type { Parser, Range } from './sql-parser.js';
import { findAtDepth0 } from './sql-parser.js';

/** Whether the keyword at `index` really starts that clause here, not an operator or a modifier. */
function startsClause(parser: Parser, index: number, keyword: string): boolean {
  const previous = parser.tokens[index - 1];
  const next = parser.tokens[index + 1];
  switch (keyword) {
    case 'FROM':
      // `a IS DISTINCT FROM b` compares; it starts no clause.
      return !isKeyword(previous, 'DISTINCT');
    case 'GROUP':
    case 'ORDER':
      return isKeyword(next, 'BY') && !isKeyword(previous, 'WITHIN');
    case 'FOR':
      return isKeyword(next, 'UPDATE', 'SHARE', 'NO', 'KEY');
    case 'OFFSET':
      return !isKeyword(previous, 'WITH');
    case 'ON':
      return isKeyword(next, 'CONFLICT', 'DUPLICATE');
    default:
      return true;
  }
}

/**
 * Finds clause keywords at depth 0 of `range` in the order the grammar allows them (`order`), from
 * `from`. Each clause's body runs from after its keyword (`GROUP BY`, `ORDER BY`, `ON CONFLICT`
 * count as one) to the next clause. `head` is what precedes the first clause.
 */
export function findClauses(parser: Parser, from: number, range: Range, order: readonly string[]): { head: Range; bodies: Map<string, Range> } {
  const starts: { clause: string; index: number }[] = [];
  let stage = -1;
  findAtDepth0(parser, from, range.end, (token, index) => {
    if (token.kind !== 'word') return false;
    const position = order.indexOf(token.value);
    if (position > stage && startsClause(parser, index, token.value)) {
      starts.push({ clause: token.value, index });
      stage = position;
    }
    return false;
  });
  const bodies = new Map<string, Range>();
  for (const [position, { clause, index }] of starts.entries()) {
    const twoWords = clause === 'GROUP' || clause === 'ORDER';
    bodies.set(clause, { start: index + (twoWords ? 2 : 1), end: starts[position + 1]?.index ?? range.end });
  }
  return { head: { start: from, end: starts[0]?.index ?? range.end }, bodies };
}
