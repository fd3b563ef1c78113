import type { NameChain, NamePart } from './name-chain.js';
import { partKey } from './name-chain.js';
import type { ClauseKind, Parser } from './sql-parser.js';
import { findChangedColumn } from './sql-parser.js';
import type { Columns, Scope, Source } from './sql-scope.js';
import { findQualifiedSource, planNewNameReach, resolveBareColumn, resolveQualifier, sourceHas } from './resolve-column.js';
import { findDatasetName } from './table-name.js';
import { quoteIdentifier } from './render-identifier.js';

/** Where a reference sits: its clause, and for a projection the place of the alias that keeps its name. */
export type ReferenceContext = {
  clause: ClauseKind;
  /** The reference is a whole select item (or RETURNING item) without alias: its name is the output name. */
  projection?: { aliasAt: number };
  /** The reference is a whole ORDER BY item, where a simple name means an output column first. */
  orderItem?: boolean;
};

function prefixChain(chain: NameChain, length: number): NameChain {
  const parts = chain.parts.slice(0, length);
  const tokens = chain.tokens.filter((token) => parts.some((part) => part.token === token));
  const last = parts.at(-1)?.token ?? chain.tokens[0];
  return { parts, tokens, start: chain.start, end: last?.end ?? chain.end, star: false };
}

/** A qualifier that is the dataset's own table name moves with the table. */
function recordQualifier(parser: Parser, source: Source, chain: NameChain, length: number): void {
  if (source.kind !== 'dataset' || source.alias !== undefined || source.matched === undefined) return;
  parser.sites.push({ kind: 'table', chain: prefixChain(chain, length), matched: source.matched });
}

function aliasTextOf(part: NamePart, parser: Parser): string {
  return part.packed ? quoteIdentifier(part.name, parser.dialect, '`') : part.token.text;
}

function recordBare(parser: Parser, part: NamePart, scope: Scope, context: ReferenceContext, wholeName: boolean): void {
  const column = findChangedColumn(parser, part);
  if (column === undefined) return;
  const key = partKey(part);
  if (context.orderItem === true && scope.outputNames.has(key)) return;
  // Postgres and MySQL read such a GROUP BY / HAVING name as the input column first; BigQuery may
  // read the alias, and the alias we add would then change what the statement groups by.
  if ((context.clause === 'group' || context.clause === 'having') && scope.expressionAliases.has(key) && parser.dialect === 'bigquery') {
    parser.sites.push({ kind: 'column', part, column, certainty: 'ambiguous', doubt: `${column} is both a column and an output alias of this query`, blocking: true, reach: () => ({ captured: true }) });
    return;
  }
  const resolution = resolveBareColumn(scope, key, column);
  if (resolution.kind === 'none') return;
  if (resolution.kind === 'ambiguous') {
    parser.sites.push({ kind: 'column', part, column, certainty: 'ambiguous', doubt: resolution.doubt, reach: () => ({ captured: true }) });
    return;
  }
  const reach = planNewNameReach(scope, resolution.scope, resolution.source, context.clause === 'order');
  const alias = wholeName && context.projection !== undefined ? { aliasAt: context.projection.aliasAt, aliasText: aliasTextOf(part, parser) } : {};
  parser.sites.push({ kind: 'column', part, column, certainty: 'certain', reach, ...alias });
}

/**
 * Records a column reference (`col`, `u.col`, `users.col`, `u.address.zip`) if it concerns the
 * changes: a site for a changed column of the dataset, and one for a qualifier that is the
 * dataset's table name. A leading part that names no source is a column whose fields follow
 * (BigQuery `address.zip`).
 */
export function recordColumnReference(parser: Parser, chain: NameChain, scope: Scope, context: ReferenceContext): void {
  const { parts } = chain;
  const first = parts[0];
  if (first === undefined) return;
  if (parts.length > 1) {
    const found = resolveQualifier(scope, parts);
    if (found !== undefined) {
      recordQualifier(parser, found.source, chain, found.columnIndex);
      const part = parts[found.columnIndex];
      if (part === undefined) return;
      const column = findChangedColumn(parser, part);
      if (column === undefined || sourceHas(found.source, partKey(part)) !== 'dataset') return;
      const alias = context.projection !== undefined && found.columnIndex === parts.length - 1 ? { aliasAt: context.projection.aliasAt, aliasText: aliasTextOf(part, parser) } : {};
      parser.sites.push({ kind: 'column', part, column, certainty: 'certain', reach: () => ({ captured: false }), ...alias });
      return;
    }
    const qualifierNames = parts.slice(0, -1).map((part) => part.name);
    const last = parts.at(-1);
    if (last !== undefined && findDatasetName(qualifierNames, parser.datasetNames) !== undefined && findChangedColumn(parser, last) !== undefined) {
      parser.sites.push({ kind: 'column', part: last, column: findChangedColumn(parser, last) ?? last.name, certainty: 'ambiguous', doubt: `${qualifierNames.join('.')} is not a source of this query`, reach: () => ({ captured: true }) });
      return;
    }
  }
  if (parts.length === 1 && recordWholeRow(parser, chain, scope)) return;
  recordBare(parser, first, scope, context, parts.length === 1);
}

/**
 * A bare name that is a range variable of the dataset (`row_to_json(u)`, `f(users_v1)`) is the
 * whole row: its field names are the dataset's columns, so a column change reaches whoever reads
 * it (a star site), and a table name used so moves with the table.
 */
function recordWholeRow(parser: Parser, chain: NameChain, scope: Scope): boolean {
  const first = chain.parts[0];
  if (first === undefined || findChangedColumn(parser, first) !== undefined) return false;
  const found = findQualifiedSource(scope, chain.parts);
  if (found === undefined || (found.source.kind !== 'dataset' && found.source.columns?.datasetStar !== true)) return false;
  recordQualifier(parser, found.source, chain, 1);
  parser.sites.push({ kind: 'star', at: chain.start, effect: 'names', excepted: new Set(), whole: true });
  return true;
}

function mergeColumns(into: Columns, from: Columns): void {
  for (const name of from.names) into.names.add(name);
  into.datasetStar ||= from.datasetStar;
  into.otherStar ||= from.otherStar;
}

/** The columns a source contributes to a `*`. */
function starColumns(source: Source): Columns {
  if (source.kind === 'dataset') return { names: new Set(source.columnAliases ?? []), datasetStar: source.columnAliases === undefined, otherStar: false };
  if (source.columns !== undefined) return source.columns;
  return { names: new Set(), datasetStar: false, otherStar: true };
}

/**
 * Records `*` or `q.*` in a select list and returns the columns it yields. Over the dataset, a
 * star read by name (`output`) or by position (`insert-source`) is a site: the planner reports it,
 * since who reads those rows cannot be seen from here.
 */
export function recordStar(parser: Parser, scope: Scope, qualifier: NameChain | undefined, at: number, role: 'output' | 'insert-source' | 'other', excepted: Set<string>): Columns {
  const columns: Columns = { names: new Set(), datasetStar: false, otherStar: false };
  let sources = scope.sources;
  if (qualifier !== undefined) {
    const found = findQualifiedSource(scope, qualifier.parts);
    if (found === undefined) return { names: new Set(), datasetStar: false, otherStar: true };
    recordQualifier(parser, found.source, qualifier, qualifier.parts.length);
    sources = [found.source];
  }
  for (const source of sources) mergeColumns(columns, starColumns(source));
  if (columns.datasetStar && role !== 'other') parser.sites.push({ kind: 'star', at, effect: role === 'output' ? 'names' : 'positions', excepted });
  return columns;
}
