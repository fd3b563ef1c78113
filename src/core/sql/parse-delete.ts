import { isKeyword } from './sql-token.js';
import type { CteEnv, Parser, Range } from './sql-parser.js';
import type { Columns } from './sql-scope.js';
import { findAtDepth0 } from './sql-parser.js';
import { createScope } from './sql-scope.js';
import { findClauses } from './find-clauses.js';
import { parseFromClause } from './parse-from.js';
import { parseReturning } from './parse-returning.js';
import { scanExpression } from './scan-expression.js';

/**
 * Parses `DELETE FROM t [AS a] [USING …] [WHERE …] [RETURNING …]`, BigQuery's `DELETE t WHERE …`
 * and MySQL's `DELETE a FROM t a JOIN …` (whose leading names are aliases of the FROM items).
 */
export function parseDelete(parser: Parser, range: Range, ctes: CteEnv): Columns {
  let cursor = range.start + 1;
  while (isKeyword(parser.tokens[cursor], 'LOW_PRIORITY', 'QUICK', 'IGNORE')) cursor += 1;
  if (isKeyword(parser.tokens[cursor], 'FROM')) cursor += 1;
  else {
    const from = findAtDepth0(parser, cursor, range.end, (token) => isKeyword(token, 'FROM', 'WHERE', 'USING'));
    if (isKeyword(parser.tokens[from], 'FROM')) cursor = from + 1;
  }
  const clauses = findClauses(parser, cursor, range, ['USING', 'WHERE', 'RETURNING', 'ORDER', 'LIMIT']);
  const block = createScope(undefined);
  parseFromClause(parser, clauses.head, block, undefined, ctes);
  const using = clauses.bodies.get('USING');
  if (using !== undefined) parseFromClause(parser, using, block, undefined, ctes);
  for (const clause of ['WHERE', 'ORDER', 'LIMIT']) {
    const body = clauses.bodies.get(clause);
    if (body !== undefined) scanExpression(parser, body, block, ctes, clause === 'WHERE' ? 'where' : clause === 'ORDER' ? 'order' : 'limit');
  }
  return parseReturning(parser, clauses.bodies.get('RETURNING'), block, ctes);
}
