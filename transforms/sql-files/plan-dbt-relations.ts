import type { Change } from '../../src/core/schema/index.js';
import { stripVersionFromName } from '../../src/core/schema/index.js';
import type { Leftover, TextEdit } from '../../src/core/codemods/index.js';
import type { SqlFileJinja } from './sql-file-holes.js';

type Output = { edits: TextEdit[]; leftovers: Leftover[] };
type Where = { path: string; lineAt(offset: number): number; transform: string };

/**
 * dbt relations of the dataset: a `ref(…, v=N)` pinned to the version the change leaves is moved to
 * the new one; a `ref('users_v1')` of a moved model takes the new name; a `source()` is declared in a
 * sources file, so it is listed rather than edited here.
 */
export function planDbtRelations(jinja: SqlFileJinja, changes: readonly Change[], where: Where, output: Output): void {
  for (const { relation, dataset } of jinja.relations) {
    if (!dataset) continue;
    for (const change of changes) {
      if (change.kind === 'dataset.version-added' && change.from !== undefined && change.to !== undefined && relation.kind === 'ref' && relation.version?.value === change.from) {
        output.edits.push({ path: where.path, start: relation.version.start, end: relation.version.end, text: change.to, transform: where.transform, change });
      }
      if (change.kind !== 'dataset.renamed' || change.from === undefined || change.to === undefined) continue;
      const oldModel = change.from.split('.').at(-1) ?? change.from;
      const newModel = change.to.split('.').at(-1) ?? change.to;
      if (relation.kind === 'source') {
        output.leftovers.push({ path: where.path, line: where.lineAt(relation.nameStart), change, reason: `source() reads the table through a dbt sources file; point it at ${change.to} there` });
      } else if (relation.nameText.toLowerCase() === oldModel.toLowerCase()) {
        output.edits.push({ path: where.path, start: relation.nameStart, end: relation.nameStart + relation.nameText.length, text: newModel, transform: where.transform, change });
      } else if (stripVersionFromName(oldModel) !== stripVersionFromName(newModel)) {
        // `ref('users', v=1)` follows the model's versions; a model renamed outright needs its ref renamed.
        output.leftovers.push({ path: where.path, line: where.lineAt(relation.nameStart), change, reason: `ref('${relation.nameText}') names the dataset's model, which moved to ${change.to}; rename the ref` });
      }
    }
  }
}

/** The names dbt knows the dataset's model by: each name's last part, with and without its version. */
export function planModelNames(names: readonly string[]): Set<string> {
  const models = new Set<string>();
  for (const name of names) {
    const last = (name.split('.').at(-1) ?? name).replace(/`/g, '').toLowerCase();
    if (last === '') continue;
    models.add(last);
    models.add(stripVersionFromName(last));
  }
  return models;
}
