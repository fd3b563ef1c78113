import type { SqlToken } from './sql-token.js';
import { isKeyword, isSymbol } from './sql-token.js';
import type { ClauseKind, CteEnv, Parser, Range } from './sql-parser.js';
import { closeOf, findChangedColumn } from './sql-parser.js';
import type { Scope } from './sql-scope.js';
import { seesDataset } from './sql-scope.js';
import { readNameChain, touchesHole } from './read-name-chain.js';
import type { ReferenceContext } from './record-reference.js';
import { recordColumnReference, recordStar } from './record-reference.js';
import { datePartFunctions, dateParts, isReservedWord, typeContinuations, typedLiteralWords } from './sql-keywords.js';
import type { ParenKind } from './classify-hole.js';
import { classifyHole } from './classify-hole.js';

/** Extra knowledge about one name chain of the range: it is a whole projection or ORDER BY item. */
export type ExpressionOptions = { chainAt?: number; context?: Omit<ReferenceContext, 'clause'> };

/** Whether the parenthesis at `index` opens a query: `(SELECT …`, `(WITH …`, `((SELECT …) UNION …`. */
export function opensQuery(parser: Parser, index: number): boolean {
  let cursor = index + 1;
  while (isSymbol(parser.tokens[cursor], '(')) cursor += 1;
  return isKeyword(parser.tokens[cursor], 'SELECT', 'WITH', 'VALUES');
}

function parenKind(previous: SqlToken | undefined): ParenKind {
  if (previous === undefined) return 'group';
  if (isKeyword(previous, 'CAST', 'SAFE_CAST', 'TRY_CAST', 'CONVERT')) return 'cast';
  if (isKeyword(previous, 'EXTRACT')) return 'extract';
  if (previous.kind === 'word' && datePartFunctions.has(previous.value)) return 'date-part';
  if (isKeyword(previous, 'IN', 'ANY', 'ALL', 'SOME', 'VALUES')) return 'list';
  if (previous.kind === 'word' && !isReservedWord(previous.value)) return 'call';
  if (previous.kind === 'quoted') return 'call';
  return isKeyword(previous, 'ARRAY', 'UNNEST', 'EXISTS') ? 'call' : 'group';
}

/** Skips a type name after `::` or a CAST's AS: `numeric(10, 2)`, `double precision`, `int[]`. */
function skipType(parser: Parser, index: number, end: number): number {
  let cursor = index;
  const chain = readNameChain(parser, cursor, end);
  cursor = chain?.next ?? cursor + 1;
  for (;;) {
    const token = parser.tokens[cursor];
    if (cursor >= end || token === undefined) return cursor;
    if (token.kind === 'word' && typeContinuations.has(token.value)) cursor += 1;
    else if (isSymbol(token, '(') || isSymbol(token, '[')) cursor = closeOf(parser, cursor) + 1;
    else if (isSymbol(token, '<')) {
      // BigQuery's ARRAY<STRING>, STRUCT<a INT64>: skip to the matching '>'.
      let depth = 0;
      while (cursor < end) {
        const current = parser.tokens[cursor];
        if (isSymbol(current, '<')) depth += 1;
        if (isSymbol(current, '>')) depth -= 1;
        if (current?.text === '>>') depth -= 2;
        cursor += 1;
        if (depth <= 0) break;
      }
    } else return cursor;
  }
}

/** Words that are keywords only in a context: `NULLS FIRST`, `AT TIME ZONE`, a window frame. */
function isContextKeyword(previous: SqlToken | undefined, token: SqlToken, next: SqlToken | undefined): boolean {
  if (token.kind !== 'word') return false;
  if (isKeyword(previous, 'NULLS') && isKeyword(token, 'FIRST', 'LAST')) return true;
  if (isKeyword(token, 'NULLS') && isKeyword(next, 'FIRST', 'LAST')) return true;
  if (isKeyword(token, 'AT') && isKeyword(next, 'TIME')) return true;
  if (isKeyword(previous, 'AT', 'TIME') && isKeyword(token, 'TIME', 'ZONE')) return true;
  if (isKeyword(token, 'ROWS', 'RANGE', 'GROUPS') && (isKeyword(next, 'BETWEEN', 'UNBOUNDED', 'CURRENT') || next?.kind === 'number')) return true;
  if (isKeyword(token, 'UNBOUNDED', 'PRECEDING', 'FOLLOWING')) return true;
  if (isKeyword(token, 'CURRENT') && isKeyword(next, 'ROW')) return true;
  if (isKeyword(previous, 'CURRENT') && isKeyword(token, 'ROW')) return true;
  return isKeyword(token, 'SEPARATOR') && next?.kind === 'string';
}

/**
 * Walks an expression (or a list of them) and records every reference the changes concern;
 * subqueries are parsed as query blocks nested in `scope`.
 */
export function scanExpression(parser: Parser, range: Range, scope: Scope, ctes: CteEnv, clause: ClauseKind, options: ExpressionOptions = {}): void {
  const { tokens } = parser;
  const parens: { close: number; kind: ParenKind }[] = [];
  let afterBetween = false;
  let afterInterval = false;
  let index = range.start;
  while (index < range.end) {
    const token = tokens[index];
    if (token === undefined) break;
    while (parens.length > 0 && (parens.at(-1)?.close ?? 0) < index) parens.pop();
    const previous = index > range.start ? tokens[index - 1] : undefined;
    const next = tokens[index + 1];
    const paren = parens.at(-1)?.kind;
    if (isSymbol(token, '(')) {
      const close = closeOf(parser, index);
      if (opensQuery(parser, index)) {
        const role = isKeyword(previous, 'EXISTS') ? 'exists' : isKeyword(previous, 'IN', 'ANY', 'ALL', 'SOME') ? 'in' : 'scalar';
        parser.parseQuery({ start: index + 1, end: close }, scope, ctes, role);
        index = close + 1;
        continue;
      }
      parens.push({ close, kind: parenKind(previous) });
      index += 1;
      continue;
    }
    if (token.kind === 'hole' || (token.kind === 'param' && token.identifierParam === true)) {
      const what = token.kind === 'param' || token.quote !== undefined ? 'identifier' : classifyHole(previous, token, next, paren, clause, afterBetween);
      if (what !== 'value' && seesDataset(scope)) parser.sites.push({ kind: 'dynamic', at: token.start, what });
      index += 1;
      continue;
    }
    if (isKeyword(token, 'BETWEEN')) afterBetween = true;
    if (isKeyword(token, 'AND')) afterBetween = false;
    if (token.kind !== 'word' && token.kind !== 'quoted') {
      if (token.kind === 'string' || token.kind === 'number') afterInterval = isKeyword(previous, 'INTERVAL');
      index += 1;
      continue;
    }
    if (isSymbol(previous, '::') || (isKeyword(previous, 'AS') && paren === 'cast')) {
      index = skipType(parser, index, range.end);
      continue;
    }
    if (isKeyword(previous, 'AS') || isSymbol(next, '=>') || isContextKeyword(previous, token, next)) {
      index += 1;
      continue;
    }
    if (token.kind === 'word' && typedLiteralWords.has(token.value) && next?.kind === 'string') {
      index += 1;
      continue;
    }
    const keywordPart = token.kind === 'word' && dateParts.has(token.value) && (paren === 'date-part' || (paren === 'extract' && isSymbol(previous, '(')) || afterInterval);
    if (keywordPart) {
      const column = findChangedColumn(parser, { name: token.text, quoted: false, token, index: 0, packed: false });
      if (column !== undefined && seesDataset(scope)) {
        parser.sites.push({ kind: 'column', part: { name: token.text, quoted: false, token, index: 0, packed: false }, column, certainty: 'ambiguous', doubt: `${token.text} here may be the date-part keyword or the column`, reach: () => ({ captured: true }) });
      }
      afterInterval = false;
      index += 1;
      continue;
    }
    afterInterval = false;
    if (token.kind === 'word' && isReservedWord(token.value)) {
      index += 1;
      continue;
    }
    const read = readNameChain(parser, index, range.end);
    if (read === undefined) {
      index += 1;
      continue;
    }
    if (touchesHole(parser, index, read.next - 1)) {
      if (seesDataset(scope)) parser.sites.push({ kind: 'dynamic', at: token.start, what: 'identifier' });
      // The glued holes belong to this name: one site for the whole name.
      let after = read.next;
      while (tokens[after]?.kind === 'hole' && tokens[after]?.gapBefore === false) after += 1;
      index = after;
      continue;
    } else if (isSymbol(tokens[read.next], '(')) {
      // A function name (`lower`, `pg_catalog.lower`): its arguments are scanned next.
    } else if (read.chain.star) {
      const qualifier = { ...read.chain, star: false };
      recordStar(parser, scope, qualifier, token.start, clause === 'select' || clause === 'returning' ? 'output' : 'other', new Set());
    } else {
      const context: ReferenceContext = { clause, ...(options.chainAt === index ? options.context : {}) };
      recordColumnReference(parser, read.chain, scope, context);
    }
    index = read.next;
  }
}
