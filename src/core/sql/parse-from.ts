import { isKeyword, isSymbol } from './sql-token.js';
import type { CteEnv, Parser, Range } from './sql-parser.js';
import { closeOf, findAtDepth0, findChangedColumn, splitAtCommas } from './sql-parser.js';
import type { Columns, Scope, Source } from './sql-scope.js';
import { readNameChain } from './read-name-chain.js';
import { canBeAlias, isReservedWord } from './sql-keywords.js';
import { opensQuery, scanExpression } from './scan-expression.js';
import { findDatasetName } from './table-name.js';
import type { NamePart } from './name-chain.js';

const joinWords = ['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'STRAIGHT_JOIN', 'OUTER', 'APPLY'];

function startsJoin(parser: Parser, index: number): boolean {
  const token = parser.tokens[index];
  // `LEFT(name, 3)` and `RIGHT(…)` are functions; `JOIN (a JOIN b)` is a parenthesised join.
  if (isKeyword(token, 'LEFT', 'RIGHT')) return !isSymbol(parser.tokens[index + 1], '(');
  return isKeyword(token, ...joinWords);
}

function findCte(ctes: CteEnv, name: string): Columns | undefined {
  for (let current = ctes; current !== undefined; current = current.parent) {
    if (current.name === name.toLowerCase()) return current.columns;
  }
  return undefined;
}

function namePart(parser: Parser, index: number): NamePart | undefined {
  const token = parser.tokens[index];
  if (token?.kind === 'quoted') return { name: token.value, quoted: true, token, index: 0, packed: false };
  if (token?.kind === 'word' && !isReservedWord(token.value) && canBeAlias(token.value)) return { name: token.text, quoted: false, token, index: 0, packed: false };
  return undefined;
}

/** Reads `[AS] alias [(a, b)]` after a FROM item. */
function readAlias(parser: Parser, index: number, end: number, source: Source): number {
  let cursor = index;
  const explicit = isKeyword(parser.tokens[cursor], 'AS');
  if (explicit) cursor += 1;
  const alias = cursor < end ? namePart(parser, cursor) : undefined;
  if (alias === undefined) return explicit ? cursor : index;
  source.alias = alias;
  cursor += 1;
  if (isSymbol(parser.tokens[cursor], '(') && cursor < end) {
    const close = closeOf(parser, cursor);
    const names = splitAtCommas(parser, { start: cursor + 1, end: close }).map((range) => parser.tokens[range.start]?.value.toLowerCase() ?? '');
    source.columnAliases = new Set(names);
    if (source.kind !== 'dataset') source.columns = { names: new Set(names), datasetStar: false, otherStar: false };
    cursor = close + 1;
  }
  return cursor;
}

/** Skips what may follow a table and its alias: BigQuery time travel, TABLESAMPLE, `WITH OFFSET`. */
function skipTableSuffixes(parser: Parser, index: number, end: number, source: Source): number {
  let cursor = index;
  for (;;) {
    const token = parser.tokens[cursor];
    if (cursor >= end || token === undefined) return cursor;
    if (isKeyword(token, 'FOR') && isKeyword(parser.tokens[cursor + 1], 'SYSTEM_TIME', 'SYSTEM')) {
      cursor = findAtDepth0(parser, cursor, end, (candidate, at) => candidate.text === ',' || startsJoin(parser, at) || isKeyword(candidate, 'ON', 'USING'));
    } else if (isKeyword(token, 'TABLESAMPLE', 'REPEATABLE')) {
      cursor = findAtDepth0(parser, cursor + 1, end, (candidate) => candidate.text === '(');
      cursor = closeOf(parser, cursor) + 1;
    } else if (isKeyword(token, 'WITH') && isKeyword(parser.tokens[cursor + 1], 'OFFSET', 'ORDINALITY')) {
      cursor += 2;
      const offset: Source = { kind: 'opaque' };
      const after = readAlias(parser, cursor, end, offset);
      if (offset.alias !== undefined) source.columns?.names.add(offset.alias.name.toLowerCase());
      cursor = after;
    } else return cursor;
  }
}

type FromState = { block: Scope; outer: Scope | undefined; ctes: CteEnv; pending: Range[] };

/** Parses one FROM item at `index` and returns the index after it (and its alias). */
function parseFromItem(parser: Parser, index: number, end: number, state: FromState): number {
  let cursor = index;
  let lateral = false;
  while (isKeyword(parser.tokens[cursor], 'LATERAL', 'ONLY')) {
    lateral ||= isKeyword(parser.tokens[cursor], 'LATERAL');
    cursor += 1;
  }
  const token = parser.tokens[cursor];
  if (token === undefined || cursor >= end) return cursor;
  let source: Source;
  if (isSymbol(token, '(')) {
    const close = closeOf(parser, cursor);
    if (!opensQuery(parser, cursor)) {
      parseFromList(parser, { start: cursor + 1, end: close }, state);
      return readAlias(parser, close + 1, end, { kind: 'opaque' });
    }
    const columns = parser.parseQuery({ start: cursor + 1, end: close }, lateral ? state.block : state.outer, state.ctes, 'derived');
    source = { kind: 'derived', columns };
    cursor = close + 1;
  } else if (token.kind === 'hole') {
    source = token.hole === 'dataset' ? { kind: 'dataset' } : { kind: 'opaque' };
    if (token.hole === 'dataset') parser.readsDataset = true;
    cursor += 1;
  } else {
    const read = readNameChain(parser, cursor, end, true);
    if (read === undefined) return cursor + 1;
    cursor = read.next;
    if (isSymbol(parser.tokens[cursor], '(')) {
      // A table function (`UNNEST(tags)`, `generate_series(1, 3)`): its arguments may use earlier items.
      const close = closeOf(parser, cursor);
      state.pending.push({ start: cursor + 1, end: close });
      const unnest = isKeyword(token, 'UNNEST');
      source = { kind: 'opaque' };
      cursor = readAlias(parser, close + 1, end, source);
      if (unnest && source.alias !== undefined && source.columns === undefined) source.columns = { names: new Set([source.alias.name.toLowerCase()]), datasetStar: false, otherStar: false };
      state.block.sources.push(source);
      return skipTableSuffixes(parser, cursor, end, source);
    }
    const names = read.chain.parts.map((part) => part.name);
    const cte = names.length === 1 && names[0] !== undefined ? findCte(state.ctes, names[0]) : undefined;
    const matched = cte === undefined ? findDatasetName(names, parser.datasetNames) : undefined;
    if (cte !== undefined) source = { kind: 'derived', columns: cte, chain: read.chain, cteName: names[0] ?? '' };
    else if (matched !== undefined) {
      source = { kind: 'dataset', chain: read.chain, matched };
      parser.sites.push({ kind: 'table', chain: read.chain, matched });
      parser.readsDataset = true;
    } else source = { kind: 'table', chain: read.chain };
    if (source.kind !== 'derived' && parser.tokens[cursor]?.text === '*') cursor += 1;
  }
  cursor = readAlias(parser, cursor, end, source);
  state.block.sources.push(source);
  return skipTableSuffixes(parser, cursor, end, source);
}

function involvesDataset(sources: readonly Source[]): boolean {
  return sources.some((source) => source.kind === 'dataset' || source.columns?.datasetStar === true);
}

/** `USING (a, b)` merges columns of both sides; with the dataset involved, a changed one cannot be renamed on one side only. */
function recordUsing(parser: Parser, range: Range, block: Scope): void {
  if (!involvesDataset(block.sources)) return;
  for (const item of splitAtCommas(parser, range)) {
    const token = parser.tokens[item.start];
    if (token === undefined || (token.kind !== 'word' && token.kind !== 'quoted')) continue;
    const column = findChangedColumn(parser, { name: token.kind === 'quoted' ? token.value : token.text, quoted: token.kind === 'quoted', token, index: 0, packed: false });
    if (column === undefined) continue;
    block.merged.add(column.toLowerCase());
    parser.sites.push({ kind: 'merged', at: token.start, column });
  }
}

/** Parses `item [join item [ON …|USING (…)]]… [, …]` into the block's sources. */
function parseFromList(parser: Parser, range: Range, state: FromState): void {
  let cursor = parseFromItem(parser, range.start, range.end, state);
  while (cursor < range.end) {
    const token = parser.tokens[cursor];
    if (isSymbol(token, ',')) {
      cursor = parseFromItem(parser, cursor + 1, range.end, state);
      continue;
    }
    if (startsJoin(parser, cursor)) {
      const natural = isKeyword(token, 'NATURAL');
      while (startsJoin(parser, cursor)) cursor += 1;
      cursor = parseFromItem(parser, cursor, range.end, state);
      if (natural && involvesDataset(state.block.sources) && token !== undefined) parser.sites.push({ kind: 'merged', at: token.start, column: undefined });
      continue;
    }
    if (isKeyword(token, 'ON')) {
      const stop = findAtDepth0(parser, cursor + 1, range.end, (candidate, at) => candidate.text === ',' || startsJoin(parser, at));
      state.pending.push({ start: cursor + 1, end: stop });
      cursor = stop;
      continue;
    }
    if (isKeyword(token, 'USING') && isSymbol(parser.tokens[cursor + 1], '(')) {
      const close = closeOf(parser, cursor + 1);
      recordUsing(parser, { start: cursor + 2, end: close }, state.block);
      cursor = close + 1;
      continue;
    }
    cursor += 1;
  }
}

/**
 * Parses a FROM clause (or UPDATE's target list, DELETE's USING) into `block`'s sources. Derived
 * tables see `outer` (or `block` when LATERAL); join conditions and table-function arguments are
 * scanned once every source is known.
 */
export function parseFromClause(parser: Parser, range: Range, block: Scope, outer: Scope | undefined, ctes: CteEnv): void {
  const state: FromState = { block, outer, ctes, pending: [] };
  parseFromList(parser, range, state);
  for (const pending of state.pending) scanExpression(parser, pending, block, ctes, 'on');
}
