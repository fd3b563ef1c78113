import { isKeyword, isSymbol } from './sql-token.js';
import type { CteEnv, Parser, Range } from './sql-parser.js';
import { closeOf, findAtDepth0, findChangedColumn, splitAtCommas } from './sql-parser.js';
import type { Columns, Scope, Source } from './sql-scope.js';
import { createScope } from './sql-scope.js';
import { readNameChain } from './read-name-chain.js';
import { findDatasetName } from './table-name.js';
import { findClauses } from './find-clauses.js';
import { opensQuery, scanExpression } from './scan-expression.js';
import { parseAssignments } from './parse-assignments.js';
import { parseReturning } from './parse-returning.js';
import type { NamePart } from './name-chain.js';

/** Reads the INSERT target (`INTO t [AS a]`) and returns it with the index after it. */
function readTarget(parser: Parser, index: number, end: number): { source: Source; next: number } {
  const token = parser.tokens[index];
  if (token?.kind === 'hole') {
    if (token.hole === 'dataset') parser.readsDataset = true;
    return { source: { kind: token.hole === 'dataset' ? 'dataset' : 'opaque' }, next: index + 1 };
  }
  const read = readNameChain(parser, index, end, true);
  if (read === undefined) return { source: { kind: 'opaque' }, next: index + 1 };
  const matched = findDatasetName(read.chain.parts.map((part) => part.name), parser.datasetNames);
  let source: Source = { kind: 'table', chain: read.chain };
  if (matched !== undefined) {
    source = { kind: 'dataset', chain: read.chain, matched };
    parser.sites.push({ kind: 'table', chain: read.chain, matched });
    parser.readsDataset = true;
  }
  let next = read.next;
  const alias = parser.tokens[next + 1];
  if (isKeyword(parser.tokens[next], 'AS') && (alias?.kind === 'word' || alias?.kind === 'quoted')) {
    source.alias = { name: alias.kind === 'quoted' ? alias.value : alias.text, quoted: alias.kind === 'quoted', token: alias, index: 0, packed: false } satisfies NamePart;
    next += 2;
  }
  return { source, next };
}

/** INSERT column lists name columns of the target table. */
export function recordColumnList(parser: Parser, range: Range, target: Source): void {
  if (target.kind !== 'dataset') return;
  for (const item of splitAtCommas(parser, range)) {
    const read = readNameChain(parser, item.start, item.end);
    const part = read?.chain.parts[0];
    if (part === undefined) continue;
    const column = findChangedColumn(parser, part);
    if (column !== undefined) parser.sites.push({ kind: 'column', part, column, certainty: 'certain', reach: () => ({ captured: false }) });
  }
}

/** Postgres `ON CONFLICT (cols) DO UPDATE SET …` sees the target and `EXCLUDED`, the row that was proposed. */
function parseConflict(parser: Parser, range: Range, target: Source, ctes: CteEnv): void {
  // EXCLUDED (the row proposed for insertion) is reachable only by its name: it sits one scope out.
  const marker = parser.tokens[range.start];
  const excluded: Source | undefined = target.kind === 'dataset' && marker !== undefined ? { ...target, alias: { name: 'excluded', quoted: false, token: marker, index: 0, packed: false } } : undefined;
  const scope = createScope(excluded === undefined ? undefined : createScope(undefined, [excluded]), [target]);
  let cursor = range.start + 1;
  if (isSymbol(parser.tokens[cursor], '(')) {
    const close = closeOf(parser, cursor);
    scanExpression(parser, { start: cursor + 1, end: close }, scope, ctes, 'other');
    cursor = close + 1;
  }
  const set = findAtDepth0(parser, cursor, range.end, (token) => isKeyword(token, 'SET'));
  if (set >= range.end) return;
  const where = findAtDepth0(parser, set, range.end, (token) => isKeyword(token, 'WHERE'));
  parseAssignments(parser, { start: set + 1, end: where }, target, scope, ctes);
  if (where < range.end) scanExpression(parser, { start: where + 1, end: range.end }, scope, ctes, 'where');
}

/** Parses INSERT / REPLACE: target, column list, VALUES or a query, upsert arms, RETURNING. */
export function parseInsert(parser: Parser, range: Range, ctes: CteEnv): Columns {
  let cursor = range.start + 1;
  while (isKeyword(parser.tokens[cursor], 'INTO', 'IGNORE', 'OR', 'REPLACE', 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'OVERWRITE', 'TABLE')) cursor += 1;
  const { source: target, next } = readTarget(parser, cursor, range.end);
  cursor = next;
  let hasColumnList = false;
  if (isSymbol(parser.tokens[cursor], '(') && !opensQuery(parser, cursor)) {
    const close = closeOf(parser, cursor);
    recordColumnList(parser, { start: cursor + 1, end: close }, target);
    hasColumnList = true;
    cursor = close + 1;
  }
  const clauses = findClauses(parser, cursor, range, ['ON', 'RETURNING']);
  const body = clauses.head;
  const targetScope: Scope = createScope(undefined, [target]);
  const first = parser.tokens[body.start];
  if (isKeyword(first, 'VALUES', 'VALUE')) scanExpression(parser, { start: body.start + 1, end: body.end }, createScope(undefined), ctes, 'values');
  else if (isKeyword(first, 'SET')) parseAssignments(parser, { start: body.start + 1, end: body.end }, target, targetScope, ctes);
  else if (isKeyword(first, 'SELECT', 'WITH') || isSymbol(first, '(')) parser.parseQuery(body, undefined, ctes, 'insert-source');
  const positional = !hasColumnList && !isKeyword(first, 'SET', 'DEFAULT') && target.kind === 'dataset';
  if (positional && first !== undefined) parser.sites.push({ kind: 'positional-insert', at: first.start });
  const upsert = clauses.bodies.get('ON');
  if (upsert !== undefined) {
    if (isKeyword(parser.tokens[upsert.start], 'CONFLICT')) parseConflict(parser, upsert, target, ctes);
    else {
      const update = findAtDepth0(parser, upsert.start, upsert.end, (token) => isKeyword(token, 'UPDATE'));
      parseAssignments(parser, { start: update + 1, end: upsert.end }, target, targetScope, ctes);
    }
  }
  return parseReturning(parser, clauses.bodies.get('RETURNING'), targetScope, ctes);
}
