import type { RunState } from '../runs/index.js';
import { confirmRenames } from '../schema/index.js';
import type { ChangeSet } from '../schema/index.js';

/** A confirmed rename applied to a change set, or why it does not apply. */
export type ConfirmRenameDecision = { kind: 'confirmed'; changeSet: ChangeSet } | { kind: 'refused'; reason: string };

/**
 * `/downstream confirm-rename <from> <to>`: turns the suspected rename `from → to` of the change
 * set into a declared one. Only a rename the diff suspected can be confirmed, so a typo cannot
 * invent a change the schema does not make.
 */
export function decideConfirmRename(changeSet: ChangeSet, rename: { from: string; to: string }): ConfirmRenameDecision {
  if (changeSet.changes.some((change) => change.kind === 'field.renamed' && change.from === rename.from && change.to === rename.to)) {
    return { kind: 'refused', reason: `\`${rename.from}\` → \`${rename.to}\` is already a rename in this migration.` };
  }
  const suspected = changeSet.changes.filter((change) => change.kind === 'field.suspected-rename');
  const confirmed = confirmRenames(changeSet, { [rename.from]: rename.to });
  if (confirmed.changes.every((change, index) => change === changeSet.changes[index])) {
    const list = suspected.map((change) => `\`${change.from ?? '?'}\` → \`${change.to ?? '?'}\``).join(', ');
    return { kind: 'refused', reason: suspected.length === 0 ? 'this migration has no suspected rename to confirm.' : `\`${rename.from}\` → \`${rename.to}\` is not a suspected rename of this migration; suspected: ${list}.` };
  }
  return { kind: 'confirmed', changeSet: confirmed };
}

/** What happens to a run when its migration's change set changes: patched again, or left as it is. */
export type ReplanAction = 'retry' | 'rebase' | 'leave';

/**
 * Which runs a confirmed rename re-patches: failed runs and runs that needed a person start again,
 * open PRs are regenerated; pending runs read the new change set when they start; held, final
 * and not-affected runs are left alone.
 */
export function decideReplanAction(state: RunState): ReplanAction {
  if (state === 'failed' || state === 'needs-human') return 'retry';
  if (state === 'pr-open' || state === 'ci-passed' || state === 'ci-failed') return 'rebase';
  return 'leave';
}
