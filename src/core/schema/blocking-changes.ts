import type { ChangeSet } from './types.js';

/** Whether a change set should fail a producer's CI: something breaks consumers or needs a person to decide. */
export function hasBlockingChanges(changeSet: ChangeSet): boolean {
  return changeSet.changes.some((change) => change.severity === 'breaking' || change.severity === 'review');
}
