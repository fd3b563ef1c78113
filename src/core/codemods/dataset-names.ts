import type { ChangeSet } from '../schema/index.js';

function addWithUnqualified(names: Set<string>, name: string | undefined): void {
  if (name === undefined || name.trim() === '') return;
  names.add(name);
  // `analytics.users_v1` is written `users_v1` wherever a search path or default schema applies.
  const last = name.split('.').at(-1);
  if (last !== undefined && last !== '') names.add(last);
}

/**
 * Names that denote the dataset in consumer code, most specific first: the physical name and its
 * unqualified table name, the earlier physical name of a dataset rename, and the catalog name.
 */
export function planDatasetNames(changeSet: ChangeSet, options: { physicalName?: string; datasetNames?: readonly string[] }): string[] {
  const names = new Set<string>();
  addWithUnqualified(names, options.physicalName ?? changeSet.dataset.physicalName);
  for (const change of changeSet.changes) {
    if (change.kind === 'dataset.renamed') addWithUnqualified(names, change.from);
  }
  for (const name of options.datasetNames ?? []) addWithUnqualified(names, name);
  if (changeSet.dataset.name !== '') names.add(changeSet.dataset.name);
  return [...names];
}
