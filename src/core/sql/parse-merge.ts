import { isKeyword, isSymbol } from './sql-token.js';
import type { CteEnv, Parser, Range } from './sql-parser.js';
import { closeOf, findAtDepth0 } from './sql-parser.js';
import { createScope } from './sql-scope.js';
import { parseFromClause } from './parse-from.js';
import { parseAssignments } from './parse-assignments.js';
import { recordColumnList } from './parse-insert.js';
import { scanExpression } from './scan-expression.js';

/** Parses one `WHEN … THEN <action>` arm of a MERGE. */
function parseArm(parser: Parser, range: Range, block: ReturnType<typeof createScope>, ctes: CteEnv): void {
  const then = findAtDepth0(parser, range.start, range.end, (token) => isKeyword(token, 'THEN'));
  const and = findAtDepth0(parser, range.start, then, (token) => isKeyword(token, 'AND'));
  if (and < then) scanExpression(parser, { start: and + 1, end: then }, block, ctes, 'where');
  const target = block.sources[0];
  let cursor = then + 1;
  const action = parser.tokens[cursor];
  if (isKeyword(action, 'UPDATE') && isKeyword(parser.tokens[cursor + 1], 'SET')) {
    parseAssignments(parser, { start: cursor + 2, end: range.end }, target, block, ctes);
    return;
  }
  if (!isKeyword(action, 'INSERT')) return;
  cursor += 1;
  if (isKeyword(parser.tokens[cursor], 'ROW')) {
    if (target?.kind === 'dataset' && action !== undefined) parser.sites.push({ kind: 'positional-insert', at: action.start });
    return;
  }
  if (isSymbol(parser.tokens[cursor], '(')) {
    const close = closeOf(parser, cursor);
    if (target !== undefined) recordColumnList(parser, { start: cursor + 1, end: close }, target);
    cursor = close + 1;
  } else if (target?.kind === 'dataset' && action !== undefined) parser.sites.push({ kind: 'positional-insert', at: action.start });
  if (isKeyword(parser.tokens[cursor], 'VALUES')) scanExpression(parser, { start: cursor + 1, end: range.end }, block, ctes, 'values');
}

/** Parses `MERGE [INTO] target [AS t] USING source [AS s] ON … WHEN [NOT] MATCHED … THEN …`. */
export function parseMerge(parser: Parser, range: Range, ctes: CteEnv): void {
  let cursor = range.start + 1;
  if (isKeyword(parser.tokens[cursor], 'INTO')) cursor += 1;
  const using = findAtDepth0(parser, cursor, range.end, (token) => isKeyword(token, 'USING'));
  const on = findAtDepth0(parser, using, range.end, (token) => isKeyword(token, 'ON'));
  const block = createScope(undefined);
  parseFromClause(parser, { start: cursor, end: using }, block, undefined, ctes);
  parseFromClause(parser, { start: using + 1, end: on }, block, undefined, ctes);
  const arms: number[] = [];
  findAtDepth0(parser, on, range.end, (token, index) => {
    if (isKeyword(token, 'WHEN')) arms.push(index);
    return false;
  });
  scanExpression(parser, { start: on + 1, end: arms[0] ?? range.end }, block, ctes, 'on');
  for (const [position, start] of arms.entries()) parseArm(parser, { start: start + 1, end: arms[position + 1] ?? range.end }, block, ctes);
}
