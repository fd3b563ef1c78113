import { isKeyword } from './sql-token.js';
import type { CteEnv, Parser, Range } from './sql-parser.js';
import type { Columns } from './sql-scope.js';
import { findAtDepth0 } from './sql-parser.js';
import { createScope } from './sql-scope.js';
import { findClauses } from './find-clauses.js';
import { parseFromClause } from './parse-from.js';
import { parseAssignments } from './parse-assignments.js';
import { parseReturning } from './parse-returning.js';
import { scanExpression } from './scan-expression.js';

/**
 * Parses `UPDATE t [AS] a SET … [FROM …] [WHERE …] [RETURNING …]`, and MySQL's
 * `UPDATE t JOIN u ON … SET …`: the first source is the target whose columns SET names.
 */
export function parseUpdate(parser: Parser, range: Range, ctes: CteEnv): Columns {
  let cursor = range.start + 1;
  while (isKeyword(parser.tokens[cursor], 'ONLY', 'LOW_PRIORITY', 'IGNORE')) cursor += 1;
  const set = findAtDepth0(parser, cursor, range.end, (token) => isKeyword(token, 'SET'));
  const block = createScope(undefined);
  parseFromClause(parser, { start: cursor, end: set }, block, undefined, ctes);
  const target = block.sources[0];
  const clauses = findClauses(parser, set + 1, range, ['FROM', 'WHERE', 'RETURNING', 'ORDER', 'LIMIT']);
  const from = clauses.bodies.get('FROM');
  if (from !== undefined) parseFromClause(parser, from, block, undefined, ctes);
  parseAssignments(parser, clauses.head, target, block, ctes);
  for (const clause of ['WHERE', 'ORDER', 'LIMIT']) {
    const body = clauses.bodies.get(clause);
    if (body !== undefined) scanExpression(parser, body, block, ctes, clause === 'WHERE' ? 'where' : clause === 'ORDER' ? 'order' : 'limit');
  }
  return parseReturning(parser, clauses.bodies.get('RETURNING'), block, ctes);
}
