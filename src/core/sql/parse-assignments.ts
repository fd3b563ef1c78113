import { isSymbol } from './sql-token.js';
import type { CteEnv, Parser, Range } from './sql-parser.js';
import { closeOf, findAtDepth0, findChangedColumn, splitAtCommas } from './sql-parser.js';
import type { Scope, Source } from './sql-scope.js';
import { readNameChain } from './read-name-chain.js';
import { recordColumnReference } from './record-reference.js';
import { scanExpression } from './scan-expression.js';

/** A SET target without qualifier is a column of the statement's target table. */
function recordTarget(parser: Parser, index: number, end: number, target: Source | undefined, scope: Scope): void {
  const read = readNameChain(parser, index, end);
  if (read === undefined) return;
  const first = read.chain.parts[0];
  if (first === undefined) return;
  if (read.chain.parts.length > 1) {
    recordColumnReference(parser, read.chain, scope, { clause: 'set' });
    return;
  }
  const column = findChangedColumn(parser, first);
  if (column === undefined || target?.kind !== 'dataset') return;
  parser.sites.push({ kind: 'column', part: first, column, certainty: 'certain', reach: () => ({ captured: false }) });
}

/** Parses `col = expr, (a, b) = (…), t.col = expr` of UPDATE, ON CONFLICT DO UPDATE, MySQL's SET forms. */
export function parseAssignments(parser: Parser, range: Range, target: Source | undefined, scope: Scope, ctes: CteEnv): void {
  for (const item of splitAtCommas(parser, range)) {
    const equals = findAtDepth0(parser, item.start, item.end, (token) => token.kind === 'operator' && token.text === '=');
    if (isSymbol(parser.tokens[item.start], '(')) {
      const close = closeOf(parser, item.start);
      for (const name of splitAtCommas(parser, { start: item.start + 1, end: close })) recordTarget(parser, name.start, name.end, target, scope);
    } else recordTarget(parser, item.start, equals, target, scope);
    if (equals < item.end) scanExpression(parser, { start: equals + 1, end: item.end }, scope, ctes, 'set');
  }
}
