import { ts } from 'ts-morph';
import type { ReparseProblem, Transform, TransformResult } from '../../src/core/codemods/index.js';
import { toProjectPath } from '../../src/core/codemods/index.js';
import { findSqlChange, findSqlReparseProblem, planSqlChanges, planSqlTables } from '../../src/core/sql/index.js';
import type { SqlCandidate } from './find-sql-texts.js';
import { findSqlTexts } from './find-sql-texts.js';
import { findFollowedRowTypes } from './followed-row-types.js';
import { planCandidate } from './plan-candidate.js';

const id = 'sql-strings';

/** The innermost SQL text around an offset (a template inside another's `${…}` is its own text). */
function findAround(candidates: readonly SqlCandidate[], offset: number, sourceFile: ts.SourceFile): SqlCandidate | undefined {
  let best: SqlCandidate | undefined;
  for (const candidate of candidates) {
    const start = candidate.node.getStart(sourceFile);
    const end = candidate.node.getEnd();
    if (start > offset || offset > end) continue;
    if (best === undefined || end - start < best.node.getEnd() - best.node.getStart(sourceFile)) best = candidate;
  }
  return best;
}

/**
 * SQL inside string literals, templates with `${…}` placeholders, tagged templates (`sql\`…\``) and
 * `+` chains of them: scope-resolved by the SQL module, so only the dataset's table and its
 * aliases change, and spliced back only where the code spells the SQL character for character.
 */
export const sqlStringsTransform: Transform = {
  id,
  handles: (change) => findSqlChange(change) !== undefined,
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    const { sqlChanges, sources } = planSqlChanges(context.changes);
    if (sqlChanges.length === 0) return result;
    const tables = planSqlTables(context.changeSet, context.datasetNames);
    const followed = sources.map((change) => findFollowedRowTypes(context, change));
    for (const file of context.files) {
      const sourceFile = context.project.getSourceFile(toProjectPath(file.path))?.compilerNode;
      if (sourceFile === undefined) continue;
      for (const candidate of findSqlTexts(sourceFile)) {
        const planned = planCandidate(candidate, { path: file.path, tables, sqlChanges, sources, followed, lineAt: context.lineAt, transform: id });
        result.edits.push(...planned.edits);
        result.leftovers.push(...planned.leftovers);
      }
    }
    return result;
  },
  reparse(input) {
    const problems: ReparseProblem[] = [];
    const before = ts.createSourceFile(input.path, input.before, ts.ScriptTarget.Latest, true);
    const after = ts.createSourceFile(input.path, input.after, ts.ScriptTarget.Latest, true);
    const beforeTexts = findSqlTexts(before);
    const afterTexts = findSqlTexts(after);
    const checked = new Map<SqlCandidate, string | undefined>();
    for (const placed of input.edits) {
      const original = findAround(beforeTexts, placed.edit.start, before);
      const edited = findAround(afterTexts, placed.afterStart, after);
      if (original === undefined || edited === undefined) {
        problems.push({ edit: placed.edit, reason: 'the edited SQL is no longer one string' });
        continue;
      }
      if (!checked.has(edited)) checked.set(edited, findSqlReparseProblem({ text: original.sql.text, holes: original.sql.holes }, { text: edited.sql.text, holes: edited.sql.holes }, { tables: [] }));
      const problem = checked.get(edited);
      if (problem !== undefined) problems.push({ edit: placed.edit, reason: problem });
    }
    return problems;
  },
};
