import type { SqlChange, SqlDialect, SqlEdit, SqlLeftover } from './sql-types.js';
import type { SqlSite } from './sql-sites.js';
import { planMovedReference, splitTableName } from './table-name.js';
import { renderChainEdits, renderPartEdit } from './render-edit.js';
import { renderIdentifier } from './render-identifier.js';

type Plan = { edits: SqlEdit[]; leftovers: SqlLeftover[] };
type ColumnChange = Extract<SqlChange, { column: string }>;
type Options = { dialect: SqlDialect; lowerKeywords: boolean; statements: readonly { start: number; end: number }[]; outputNames: 'keep' | 'follow' };

function describe(change: ColumnChange): string {
  if (change.kind === 'column-renamed') return `${change.column} was renamed to ${change.to}`;
  if (change.kind === 'column-removed') return `${change.column} was removed`;
  return `${change.column} may have been renamed to ${change.to} (unconfirmed)`;
}

function siteStart(site: SqlSite): number {
  if (site.kind === 'column') return site.part.token.start;
  if (site.kind === 'table') return site.chain.start;
  return site.at;
}

/** The leftover a site gives for a column change, or undefined when the change does not concern it. */
function columnLeftover(site: SqlSite, change: ColumnChange): string | undefined {
  const removal = change.kind !== 'column-renamed';
  switch (site.kind) {
    case 'column':
      if (site.column !== change.column) return undefined;
      if (change.kind === 'column-removed') return `${change.column} was removed from the dataset but this query still uses it`;
      if (change.kind === 'column-unconfirmed') return `${change.column} looks renamed to ${change.to}, but the producer has not confirmed the rename: confirm it to patch this`;
      return site.certainty === 'ambiguous' ? `${site.doubt ?? 'ambiguous reference'}; if it is the dataset's column, rename it to ${change.to}` : undefined;
    case 'star':
      if (site.excepted.has(change.column.toLowerCase())) return undefined;
      if (site.effect === 'positions') return removal ? `SELECT * feeds an INSERT by position, and ${change.column} was removed: the column order changes` : undefined;
      if (site.whole === true) return `the dataset's whole row is used here as one value (its fields are the columns), and ${describe(change)}: check what reads it`;
      return `SELECT * returns the dataset's columns to whoever reads these rows, and ${describe(change)}: check the code that reads them by name or position`;
    case 'positional-insert':
      return removal ? `INSERT without a column list writes the dataset's columns by position, and ${change.column} was removed` : undefined;
    case 'dynamic':
      return site.what === 'identifier' ? `a column name built at run time here may be ${change.column}, and ${describe(change)}` : `a dynamic SQL fragment here may name ${change.column}, and ${describe(change)}`;
    case 'merged':
      if (site.column === undefined) return `NATURAL JOIN matches the dataset's columns by name, and ${describe(change)}`;
      return site.column === change.column ? `JOIN … USING (${change.column}) merges the dataset's column with another table's, and ${describe(change)}: rewrite the join with ON` : undefined;
    case 'unsupported':
      return site.columns.has(change.column) ? `this ${site.statement} statement is not analysed, and it names ${change.column}, which ${removal ? 'was removed' : `was renamed to ${change.to}`}` : undefined;
    default:
      return undefined;
  }
}

/** Statements holding a reference whose meaning the other edits of this change would alter. */
function findBlockedStatements(sites: readonly SqlSite[], column: string, options: Options): { start: number; end: number }[] {
  const blocked = sites.filter((site) => site.kind === 'column' && site.column === column && site.blocking === true).map(siteStart);
  return options.statements.filter((statement) => blocked.some((at) => at >= statement.start && at < statement.end));
}

function planRename(sites: readonly SqlSite[], change: Extract<SqlChange, { kind: 'column-renamed' }>, index: number, moved: readonly string[] | undefined, options: Options, plan: Plan): void {
  const blocked = findBlockedStatements(sites, change.column, options);
  for (const site of sites) {
    if (site.kind !== 'column' || site.column !== change.column || site.certainty !== 'certain') continue;
    if (blocked.some((statement) => site.part.token.start >= statement.start && site.part.token.start < statement.end)) continue;
    const reach = site.reach(change.to);
    if (reach.captured) {
      plan.leftovers.push({ start: site.part.token.start, change: index, reason: `renaming ${change.column} to ${change.to} here could read another source's ${change.to}: qualify it by hand` });
      continue;
    }
    let qualifier = reach.qualifier;
    if (reach.qualifierIsTableName === true && moved !== undefined) qualifier = renderIdentifier(moved.at(-1) ?? '', options.dialect);
    plan.edits.push({ ...renderPartEdit(site.part, change.to, options.dialect, qualifier), change: index, role: 'name' });
    if (site.aliasAt !== undefined && site.aliasText !== undefined && options.outputNames === 'keep') {
      plan.edits.push({ start: site.aliasAt, end: site.aliasAt, text: ` ${options.lowerKeywords ? 'as' : 'AS'} ${site.aliasText}`, change: index, role: 'alias' });
    }
  }
}

function planMove(sites: readonly SqlSite[], to: readonly string[], index: number, options: Options, plan: Plan): void {
  for (const site of sites) {
    if (site.kind === 'table') {
      const parts = planMovedReference(site.chain.parts.map((part) => part.name), site.matched, to);
      for (const edit of renderChainEdits(site.chain, parts, options.dialect)) plan.edits.push({ ...edit, change: index, role: 'table' });
    } else if (site.kind === 'unsupported') {
      plan.leftovers.push({ start: site.at, change: index, reason: `this ${site.statement} statement is not analysed, and it names the dataset's table, which moved to ${to.join('.')}` });
    }
  }
}

/**
 * Narrows a table name's replacement to the characters that change (`users_v1` → `users_v2` edits
 * `1`), so quotes around the name, which host code may have escaped, stay untouched.
 */
export function narrowEdit(text: string, edit: SqlEdit): SqlEdit {
  // Only table names: a narrowed column rename could become an insertion at the very offset where
  // its projection's ` AS old` goes, and two insertions at one offset have no defined order.
  if (edit.start === edit.end || edit.role !== 'table') return edit;
  const before = text.slice(edit.start, edit.end);
  let prefix = 0;
  while (prefix < before.length && prefix < edit.text.length && before[prefix] === edit.text[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < edit.text.length - prefix && before[before.length - 1 - suffix] === edit.text[edit.text.length - 1 - suffix]) suffix += 1;
  return { ...edit, start: edit.start + prefix, end: edit.end - suffix, text: edit.text.slice(prefix, edit.text.length - suffix) };
}

/** Turns the sites of one SQL text into edits and leftovers, change by change. */
export function planSqlEdits(sites: readonly SqlSite[], changes: readonly SqlChange[], options: Options): Plan {
  const plan: Plan = { edits: [], leftovers: [] };
  const moveChange = changes.find((change) => change.kind === 'table-moved');
  const moved = moveChange === undefined ? undefined : splitTableName(moveChange.to);
  for (const [index, change] of changes.entries()) {
    if (change.kind === 'table-moved') {
      planMove(sites, splitTableName(change.to), index, options, plan);
      continue;
    }
    if (change.kind === 'column-renamed') planRename(sites, change, index, moved, options, plan);
    const seen = new Set<number>();
    for (const site of sites) {
      const reason = columnLeftover(site, change);
      const start = siteStart(site);
      if (reason === undefined || seen.has(start)) continue;
      seen.add(start);
      plan.leftovers.push({ start, change: index, reason });
    }
  }
  return plan;
}
