import type { Change, ChangeSet } from '../schema/index.js';
import type { SqlChange } from './sql-types.js';

/** SQL changes for the dataset changes SQL can act on, with the change each one stands for. */
export type SqlChangePlan = { sqlChanges: SqlChange[]; sources: Change[] };

/** The SQL change a dataset change asks for, if SQL text can show it: top-level columns and table moves. */
export function findSqlChange(change: Change): SqlChange | undefined {
  const column = change.path.length === 1 ? change.path[0] : undefined;
  switch (change.kind) {
    case 'field.renamed':
      return column === undefined || change.to === undefined ? undefined : { kind: 'column-renamed', column: change.from ?? column, to: change.to };
    case 'field.suspected-rename':
      return column === undefined ? undefined : { kind: 'column-unconfirmed', column: change.from ?? column, to: change.to ?? '?' };
    case 'field.removed':
      return column === undefined ? undefined : { kind: 'column-removed', column };
    case 'dataset.renamed':
      return change.to === undefined ? undefined : { kind: 'table-moved', to: change.to };
    default:
      return undefined;
  }
}

/** Maps the changes a SQL transform handles to SQL changes, keeping the pairing by index. */
export function planSqlChanges(changes: readonly Change[]): SqlChangePlan {
  const plan: SqlChangePlan = { sqlChanges: [], sources: [] };
  for (const change of changes) {
    const sqlChange = findSqlChange(change);
    if (sqlChange === undefined) continue;
    plan.sqlChanges.push(sqlChange);
    plan.sources.push(change);
  }
  return plan;
}

/**
 * The names that denote the dataset's table in SQL: the engine's dataset names, without the
 * catalog name when a physical name is known (`user-profile` names no table).
 */
export function planSqlTables(changeSet: ChangeSet, datasetNames: readonly string[]): string[] {
  const physical = datasetNames.some((name) => name !== changeSet.dataset.name);
  return datasetNames.filter((name) => !physical || name !== changeSet.dataset.name || name === changeSet.dataset.physicalName);
}
