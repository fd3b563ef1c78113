import type { Change } from '../../src/core/schema/index.js';
import { stripVersionFromName } from '../../src/core/schema/index.js';
import type { ReparseProblem, Transform, TransformResult } from '../../src/core/codemods/index.js';
import { findSqlChange, findSqlReparseProblem, planSqlChanges, planSqlRewrite, planSqlTables } from '../../src/core/sql/index.js';
import { planSqlFileHoles } from './sql-file-holes.js';
import { planDbtRelations, planModelNames } from './plan-dbt-relations.js';

const id = 'sql-files';

function handles(change: Change): boolean {
  return findSqlChange(change) !== undefined || (change.kind === 'dataset.version-added' && change.from !== undefined && change.to !== undefined);
}

/**
 * `.sql` files: plain queries and dbt models. Jinja is held out of the SQL (`{% … %}` and comments
 * skipped, `{{ … }}` opaque, a `ref()` / `source()` of the dataset standing for its table), columns
 * are rewritten by the SQL module, and `ref('users', v=1)` pins move with a new version.
 */
export const sqlFilesTransform: Transform = {
  id,
  extensions: ['.sql'],
  handles,
  // A dbt model names the dataset by its model name (`ref('users')`), which the physical names do
  // not contain; quoted, so a file merely mentioning users is not loaded for it.
  tokens: (change) => {
    if (change.kind !== 'dataset.renamed' || change.from === undefined) return [];
    const model = stripVersionFromName(change.from.split('.').at(-1) ?? change.from);
    return [`'${model}'`, `"${model}"`];
  },
  apply(context) {
    const result: TransformResult = { edits: [], leftovers: [] };
    const { sqlChanges, sources } = planSqlChanges(context.changes);
    const tables = planSqlTables(context.changeSet, context.datasetNames);
    const models = planModelNames([...tables, context.changeSet.dataset.name]);
    for (const file of context.files) {
      if (!file.path.endsWith('.sql')) continue;
      const lineAt = (offset: number): number => context.lineAt(file.path, offset);
      const jinja = planSqlFileHoles(file.text, (name) => models.has(name.toLowerCase()), tables);
      planDbtRelations(jinja, context.changes, { path: file.path, lineAt, transform: id }, result);
      if (sqlChanges.length === 0) continue;
      const plan = planSqlRewrite({ text: file.text, tables, changes: sqlChanges, holes: jinja.holes });
      if (plan.problem !== undefined) {
        const first = sources[0];
        if (first !== undefined) result.leftovers.push({ path: file.path, line: 1, change: first, reason: `this SQL file could not be read (${plan.problem}); check it by hand` });
        continue;
      }
      for (const edit of plan.edits) {
        const change = sources[edit.change];
        if (change !== undefined) result.edits.push({ path: file.path, start: edit.start, end: edit.end, text: edit.text, transform: id, change });
      }
      for (const leftover of plan.leftovers) {
        const change = sources[leftover.change];
        if (change !== undefined) result.leftovers.push({ path: file.path, line: lineAt(leftover.start), change, reason: leftover.reason });
      }
    }
    return result;
  },
  reparse(input) {
    if (!input.path.endsWith('.sql')) return [];
    const holesOf = (text: string) => planSqlFileHoles(text, () => true, []).holes;
    const problem = findSqlReparseProblem({ text: input.before, holes: holesOf(input.before) }, { text: input.after, holes: holesOf(input.after) }, { tables: [] });
    const problems: ReparseProblem[] = [];
    if (problem !== undefined) for (const placed of input.edits) problems.push({ edit: placed.edit, reason: problem });
    return problems;
  },
};
