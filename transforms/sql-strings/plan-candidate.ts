import type { Change } from '../../src/core/schema/index.js';
import type { Leftover, TextEdit } from '../../src/core/codemods/index.js';
import type { SqlChange, SqlRewritePlan } from '../../src/core/sql/index.js';
import { detectSqlDialect, findSqlStatementKind, planSqlRewrite } from '../../src/core/sql/index.js';
import type { SqlCandidate } from './find-sql-texts.js';
import { mapSqlEdit, mapSqlOffset } from './sql-text.js';
import { findTypeArgumentNames } from './followed-row-types.js';

/** What the transform knows for every SQL text: the dataset's tables and the changes, paired with their sources. */
export type CandidateInput = {
  path: string;
  tables: readonly string[];
  sqlChanges: readonly SqlChange[];
  sources: readonly Change[];
  /** Per change index, the row types that followed a rename. */
  followed: readonly Set<string>[];
  lineAt(path: string, offset: number): number;
  transform: string;
};

function mentionsAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => word !== '' && new RegExp(`(^|[^\\w$])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w$])`, 'i').test(text));
}

/** Plans one group of changes with one output-name policy. */
function planGroup(candidate: SqlCandidate, input: CandidateInput, indexes: readonly number[], outputNames: 'keep' | 'follow'): SqlRewritePlan {
  const changes = indexes.map((index) => input.sqlChanges[index]).filter((change): change is SqlChange => change !== undefined);
  const plan = planSqlRewrite({ text: candidate.sql.text, tables: input.tables, changes, holes: candidate.sql.holes, outputNames });
  return {
    ...plan,
    edits: plan.edits.map((edit) => ({ ...edit, change: indexes[edit.change] ?? -1 })),
    leftovers: plan.leftovers.map((leftover) => ({ ...leftover, change: indexes[leftover.change] ?? -1 })),
  };
}

/**
 * Rewrites one SQL text found in code. It must read as a statement and touch the dataset's table;
 * a renamed projection keeps its output name unless the query's row type was renamed along.
 * An edit that would cross an escape sequence or a `${…}` drops that change here, as a leftover.
 */
export function planCandidate(candidate: SqlCandidate, input: CandidateInput): { edits: TextEdit[]; leftovers: Leftover[] } {
  const result: { edits: TextEdit[]; leftovers: Leftover[] } = { edits: [], leftovers: [] };
  const { sql } = candidate;
  const dialect = detectSqlDialect(sql.text, input.tables);
  if (findSqlStatementKind(sql.text, { dialect, holes: sql.holes }) === undefined) return result;
  const typedAs = findTypeArgumentNames(candidate.runner);
  const follows = (index: number): boolean => [...(input.followed[index] ?? [])].some((name) => typedAs?.has(name) === true);
  const all = input.sqlChanges.map((_change, index) => index);
  const plans = [planGroup(candidate, input, all.filter((index) => !follows(index)), 'keep'), planGroup(candidate, input, all.filter(follows), 'follow')];
  const at = (offset: number): number => input.lineAt(input.path, mapSqlOffset(sql, offset));
  for (const plan of plans) {
    if (plan.problem !== undefined) {
      const words = [...input.tables, ...input.sqlChanges.flatMap((change) => (change.kind === 'table-moved' ? [] : [change.column]))];
      if (!mentionsAny(sql.text, words)) continue;
      const first = input.sources[0];
      if (first !== undefined) result.leftovers.push({ path: input.path, line: at(0), change: first, reason: `this SQL could not be read (${plan.problem}); check it by hand` });
      continue;
    }
    if (!plan.readsDataset) continue;
    const dropped = new Set<number>();
    for (const edit of plan.edits) {
      if (mapSqlEdit(sql, edit) !== undefined || dropped.has(edit.change)) continue;
      dropped.add(edit.change);
      const change = input.sources[edit.change];
      if (change !== undefined) result.leftovers.push({ path: input.path, line: at(edit.start), change, reason: 'the SQL is written with escape sequences or placeholders here; edit it by hand' });
    }
    for (const edit of plan.edits) {
      const change = input.sources[edit.change];
      const mapped = mapSqlEdit(sql, edit);
      if (change === undefined || mapped === undefined || dropped.has(edit.change)) continue;
      result.edits.push({ path: input.path, ...mapped, transform: input.transform, change });
      const anyFollowed = (input.followed[edit.change]?.size ?? 0) > 0;
      if (edit.role === 'alias' && anyFollowed && typedAs === undefined) {
        const names = [...(input.followed[edit.change] ?? [])].join(', ');
        result.leftovers.push({ path: input.path, line: at(edit.start), change, reason: `this query keeps the column's old name in its rows, but ${names} now uses the new name: if these rows are read as ${names}, drop the alias` });
      }
    }
    for (const leftover of plan.leftovers) {
      const change = input.sources[leftover.change];
      if (change !== undefined) result.leftovers.push({ path: input.path, line: at(leftover.start), change, reason: leftover.reason });
    }
  }
  return result;
}
