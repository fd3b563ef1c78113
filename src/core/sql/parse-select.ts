import { isKeyword, isSymbol } from './sql-token.js';
import type { CteEnv, Parser, QueryRole, Range } from './sql-parser.js';
import { closeOf, splitAtCommas } from './sql-parser.js';
import type { Columns, Scope } from './sql-scope.js';
import { createScope } from './sql-scope.js';
import { findClauses } from './find-clauses.js';
import { selectClauses } from './sql-keywords.js';
import { parseFromClause } from './parse-from.js';
import { parseSelectItem } from './parse-select-item.js';
import { scanExpression } from './scan-expression.js';
import { readNameChain } from './read-name-chain.js';

/** Skips `ALL`, `DISTINCT [ON (…)]`, BigQuery's `AS STRUCT` / `AS VALUE`, MySQL's modifiers; returns the list start and any DISTINCT ON range. */
function skipModifiers(parser: Parser, index: number): { start: number; distinctOn?: Range } {
  let cursor = index;
  let distinctOn: Range | undefined;
  for (;;) {
    const token = parser.tokens[cursor];
    if (isKeyword(token, 'DISTINCT') && isKeyword(parser.tokens[cursor + 1], 'ON') && isSymbol(parser.tokens[cursor + 2], '(')) {
      const close = closeOf(parser, cursor + 2);
      distinctOn = { start: cursor + 3, end: close };
      cursor = close + 1;
    } else if (isKeyword(token, 'ALL', 'DISTINCT', 'DISTINCTROW', 'SQL_CALC_FOUND_ROWS', 'HIGH_PRIORITY', 'STRAIGHT_JOIN', 'SQL_NO_CACHE')) cursor += 1;
    else if (isKeyword(token, 'AS') && isKeyword(parser.tokens[cursor + 1], 'STRUCT', 'VALUE')) cursor += 2;
    else if (isKeyword(token, 'TOP') && parser.tokens[cursor + 1]?.kind === 'number') cursor += 2;
    else return distinctOn === undefined ? { start: cursor } : { start: cursor, distinctOn };
  }
}

/** Scans ORDER BY items; a bare name that is a whole item may mean an output column. */
function scanOrderBy(parser: Parser, range: Range, block: Scope, ctes: CteEnv): void {
  for (const item of splitAtCommas(parser, range)) {
    let end = item.end;
    while (end > item.start && (isKeyword(parser.tokens[end - 1], 'ASC', 'DESC', 'FIRST', 'LAST', 'NULLS'))) end -= 1;
    const read = readNameChain(parser, item.start, end);
    const whole = read !== undefined && read.next === end && !read.chain.star && read.chain.parts.length === 1;
    scanExpression(parser, item, block, ctes, 'order', whole ? { chainAt: item.start, context: { orderItem: true } } : {});
  }
}

/**
 * Parses one SELECT block in `range` (from its SELECT keyword): FROM first, so the select list and
 * every other clause resolve against its sources, then each clause in turn.
 */
export function parseSelect(parser: Parser, range: Range, outer: Scope | undefined, ctes: CteEnv, role: QueryRole): Columns {
  const modifiers = skipModifiers(parser, range.start + 1);
  const clauses = findClauses(parser, modifiers.start, range, selectClauses);
  const block = createScope(outer);
  const from = clauses.bodies.get('FROM');
  if (from !== undefined) parseFromClause(parser, from, block, outer, ctes);
  const columns: Columns = { names: new Set(), datasetStar: false, otherStar: false };
  let listEnd = clauses.head.end;
  // `SELECT … INTO new_table FROM …` (Postgres, T-SQL): the target is no column.
  const into = splitAtCommas(parser, clauses.head).at(-1);
  if (into !== undefined) {
    for (let index = into.start; index < into.end; index += 1) {
      if (isKeyword(parser.tokens[index], 'INTO')) listEnd = index;
    }
  }
  for (const item of splitAtCommas(parser, { start: clauses.head.start, end: listEnd })) {
    const output = parseSelectItem(parser, item, block, ctes, role, 'select');
    for (const name of output.columns.names) columns.names.add(name);
    columns.datasetStar ||= output.columns.datasetStar;
    columns.otherStar ||= output.columns.otherStar;
    if (output.name !== undefined) block.outputNames.add(output.name);
    if (output.name !== undefined && output.expressionAlias === true) block.expressionAliases.add(output.name);
  }
  if (modifiers.distinctOn !== undefined) scanExpression(parser, modifiers.distinctOn, block, ctes, 'other');
  for (const [clause, body] of clauses.bodies) {
    if (clause === 'FROM') continue;
    if (clause === 'ORDER') scanOrderBy(parser, body, block, ctes);
    else scanExpression(parser, body, block, ctes, clause === 'WHERE' ? 'where' : clause === 'GROUP' ? 'group' : clause === 'HAVING' || clause === 'QUALIFY' ? 'having' : clause === 'WINDOW' ? 'window' : 'limit');
  }
  return columns;
}
