import { isKeyword, isSymbol } from './sql-token.js';
import type { CteEnv, Parser, QueryRole, Range } from './sql-parser.js';
import { closeOf, findAtDepth0, splitAtCommas } from './sql-parser.js';
import type { Columns, Scope } from './sql-scope.js';
import { createScope } from './sql-scope.js';
import { parseSelect } from './parse-select.js';
import { parseFromClause } from './parse-from.js';
import { recordStar } from './record-reference.js';
import { parseInsert } from './parse-insert.js';
import { parseUpdate } from './parse-update.js';
import { parseDelete } from './parse-delete.js';
import { scanExpression } from './scan-expression.js';

const noColumns = (): Columns => ({ names: new Set(), datasetStar: false, otherStar: false });

/** A CTE body is a query or, in Postgres, a data-modifying statement whose RETURNING names its columns. */
function parseCteBody(parser: Parser, range: Range, scope: Scope | undefined, ctes: CteEnv): Columns {
  const first = parser.tokens[range.start];
  if (isKeyword(first, 'INSERT')) return parseInsert(parser, range, ctes);
  if (isKeyword(first, 'UPDATE')) return parseUpdate(parser, range, ctes);
  if (isKeyword(first, 'DELETE')) return parseDelete(parser, range, ctes);
  return parser.parseQuery(range, scope, ctes, 'derived');
}

/**
 * Parses `WITH [RECURSIVE] a [(cols)] AS [NOT] [MATERIALIZED] (…), …` at `index` and returns where
 * the main statement starts with the CTEs in force. A recursive CTE sees itself with unknown columns.
 */
export function parseWith(parser: Parser, index: number, end: number, scope: Scope | undefined, ctes: CteEnv): { next: number; ctes: CteEnv } {
  let cursor = index + 1;
  const recursive = isKeyword(parser.tokens[cursor], 'RECURSIVE');
  if (recursive) cursor += 1;
  let env = ctes;
  for (;;) {
    const nameToken = parser.tokens[cursor];
    if (nameToken === undefined || cursor >= end || (nameToken.kind !== 'word' && nameToken.kind !== 'quoted')) return { next: cursor, ctes: env };
    const name = (nameToken.kind === 'quoted' ? nameToken.value : nameToken.text).toLowerCase();
    cursor += 1;
    let declared: Set<string> | undefined;
    if (isSymbol(parser.tokens[cursor], '(')) {
      const close = closeOf(parser, cursor);
      declared = new Set(splitAtCommas(parser, { start: cursor + 1, end: close }).map((item) => parser.tokens[item.start]?.value.toLowerCase() ?? ''));
      cursor = close + 1;
    }
    while (isKeyword(parser.tokens[cursor], 'AS', 'NOT', 'MATERIALIZED')) cursor += 1;
    if (!isSymbol(parser.tokens[cursor], '(')) return { next: cursor, ctes: env };
    const close = closeOf(parser, cursor);
    const self: CteEnv = { name, columns: { names: new Set(), datasetStar: false, otherStar: true }, parent: env };
    const body = parseCteBody(parser, { start: cursor + 1, end: close }, scope, recursive ? self : env);
    env = { name, columns: declared === undefined ? body : { names: declared, datasetStar: false, otherStar: false }, parent: env };
    cursor = close + 1;
    // Postgres SEARCH / CYCLE clauses of a recursive CTE name no dataset column we could change.
    cursor = findAtDepth0(parser, cursor, end, (token) => token.text === ',' || isKeyword(token, 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'VALUES', 'MERGE') || token.text === '(');
    if (!isSymbol(parser.tokens[cursor], ',')) return { next: cursor, ctes: env };
    cursor += 1;
  }
}

function findSetOperators(parser: Parser, range: Range): number[] {
  const found: number[] = [];
  findAtDepth0(parser, range.start, range.end, (token, index) => {
    const afterStar = parser.tokens[index - 1]?.text === '*';
    if (isKeyword(token, 'UNION', 'INTERSECT', 'MINUS') || (isKeyword(token, 'EXCEPT') && !afterStar)) found.push(index);
    return false;
  });
  return found;
}

function parseTerm(parser: Parser, range: Range, scope: Scope | undefined, ctes: CteEnv, role: QueryRole): Columns {
  const first = parser.tokens[range.start];
  if (isSymbol(first, '(')) {
    const close = closeOf(parser, range.start);
    const columns = parser.parseQuery({ start: range.start + 1, end: close }, scope, ctes, role);
    // `(SELECT …) ORDER BY x LIMIT 1`: the trailer names output columns first.
    const trailer = createScope(scope);
    for (const name of columns.names) trailer.outputNames.add(name);
    if (close + 1 < range.end) scanExpression(parser, { start: close + 1, end: range.end }, trailer, ctes, 'order');
    return columns;
  }
  if (isKeyword(first, 'SELECT')) return parseSelect(parser, range, scope, ctes, role);
  if (isKeyword(first, 'VALUES')) {
    scanExpression(parser, { start: range.start + 1, end: range.end }, createScope(scope), ctes, 'values');
    return noColumns();
  }
  if (isKeyword(first, 'TABLE')) {
    // `TABLE users` is `SELECT * FROM users`.
    const block = createScope(scope);
    parseFromClause(parser, { start: range.start + 1, end: range.end }, block, scope, ctes);
    return recordStar(parser, block, undefined, first?.start ?? 0, role === 'output' || role === 'insert-source' ? role : 'other', new Set());
  }
  scanExpression(parser, range, createScope(scope), ctes, 'other');
  return { names: new Set(), datasetStar: false, otherStar: true };
}

/**
 * Parses a query expression: optional WITH, then SELECT blocks, VALUES or parenthesised queries
 * joined by set operators. Its columns are named by its first branch.
 */
export function parseQuery(parser: Parser, range: Range, scope: Scope | undefined, ctes: CteEnv, role: QueryRole): Columns {
  let start = range.start;
  let env = ctes;
  if (isKeyword(parser.tokens[start], 'WITH')) {
    const parsed = parseWith(parser, start, range.end, scope, ctes);
    start = parsed.next;
    env = parsed.ctes;
  }
  const operators = findSetOperators(parser, { start, end: range.end });
  const bounds = [start, ...operators, range.end];
  let columns: Columns | undefined;
  for (let position = 0; position + 1 < bounds.length; position += 1) {
    let termStart = bounds[position] ?? start;
    if (position > 0) {
      termStart += 1;
      while (isKeyword(parser.tokens[termStart], 'ALL', 'DISTINCT', 'CORRESPONDING')) termStart += 1;
    }
    const term = parseTerm(parser, { start: termStart, end: bounds[position + 1] ?? range.end }, scope, env, role);
    columns ??= term;
  }
  return columns ?? noColumns();
}
