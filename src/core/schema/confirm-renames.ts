import type { Change, ChangeSet } from './types.js';

/**
 * Turns suspected renames the producer confirmed (`old → new`, from config or
 * `/downstream confirm-rename`) into declared renames, so consumers get patched for them.
 */
export function confirmRenames(changeSet: ChangeSet, confirmed: Readonly<Record<string, string>>): ChangeSet {
  const changes = changeSet.changes.map((change): Change => {
    if (change.kind !== 'field.suspected-rename' || change.from === undefined || confirmed[change.from] !== change.to) return change;
    return { kind: 'field.renamed', path: change.path, from: change.from, ...(change.to === undefined ? {} : { to: change.to }), severity: 'breaking', evidence: 'declared', detail: 'confirmed by the producer' };
  });
  return { ...changeSet, changes };
}

/** Whether any consumer may need work: something breaks, or needs a person to decide. */
export function needsConsumerWork(changeSet: ChangeSet): boolean {
  return changeSet.changes.some((change) => change.severity !== 'non-breaking');
}
