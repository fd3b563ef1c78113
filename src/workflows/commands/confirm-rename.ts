import type { CommandOutcome } from '../../core/commands/index.js';
import { decideConfirmRename, decideReplanAction } from '../../core/commands/index.js';
import type { ChangeSet } from '../../core/schema/index.js';
import type { Db } from '../../adapters/store/index.js';
import { listRuns, recordEvent } from '../../adapters/store/index.js';
import type { Migration } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

// The store has no way yet to rewrite a migration's change set; this is the smallest one, kept
// beside its only caller until it moves into src/adapters/store.
async function writeConfirmedChangeSet(db: Db, input: { migration: Migration; changeSet: ChangeSet; rename: { from: string; to: string }; actor: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE migrations SET change_set = $2::jsonb, updated_at = $3 WHERE id = $1', [input.migration.id, JSON.stringify(input.changeSet), input.now]);
    await recordEvent(tx, { migrationId: input.migration.id, kind: 'migration.rename-confirmed', actor: input.actor, payload: { from: input.rename.from, to: input.rename.to }, now: input.now });
  });
}

/**
 * `/downstream confirm-rename <from> <to>`: the suspected rename becomes a declared one and the
 * campaign is re-planned — failed and needs-a-person runs are patched again, open PRs regenerated.
 */
export async function confirmRename(deps: WorkflowDeps, input: { migration: Migration; rename: { from: string; to: string }; actor: string }): Promise<CommandOutcome> {
  const { migration, rename, actor } = input;
  if (migration.status === 'aborted' || migration.status === 'completed') return { kind: 'refused', reason: `the campaign is ${migration.status}.` };
  const decision = decideConfirmRename(migration.changeSet, rename);
  if (decision.kind === 'refused') return decision;
  await writeConfirmedChangeSet(deps.db, { migration, changeSet: decision.changeSet, rename, actor, now: deps.now() });
  const counts = { retry: 0, rebase: 0, waiting: 0 };
  for (const run of await listRuns(deps.db, { migrationId: migration.id })) {
    const action = decideReplanAction(run.state);
    if (action === 'leave') continue;
    const queued = await deps.queue.send('patch-consumer', { migrationId: migration.id, consumer: run.consumer, mode: action, requestedBy: actor });
    if (queued === undefined) counts.waiting += 1;
    else counts[action] += 1;
  }
  await deps.queue.send('update-tracking-issue', { migrationId: migration.id });
  const waiting = counts.waiting === 0 ? '' : `; ${counts.waiting} already had a patch waiting, which reads the confirmed rename`;
  return {
    kind: 'done',
    text: `Confirmed: \`${rename.from}\` → \`${rename.to}\` is a rename. ${counts.rebase} open PR${counts.rebase === 1 ? ' is' : 's are'} regenerated and ${counts.retry} consumer${counts.retry === 1 ? '' : 's'} patched again${waiting}; consumers not started yet get the rename when their wave opens.`,
  };
}
