import { readCiState, readPull } from '../adapters/github/index.js';
import type { JobData } from '../adapters/queue/index.js';
import { listMigrations, listRuns, transitionRun } from '../adapters/store/index.js';
import type { Migration } from '../adapters/store/index.js';
import { applyCiVerdict } from './on-ci-update.js';
import { rebaseConflictingPulls } from './rollout/index.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** What one reconcile pass healed. */
export type ReconcileOutcome = { migrations: number; checked: number; healed: number; requeued: number; rebased: number };

async function reconcileMigration(deps: WorkflowDeps, migration: Migration, outcome: ReconcileOutcome): Promise<void> {
  const runs = await listRuns(deps.db, { migrationId: migration.id });
  for (const run of runs) {
    if (run.state === 'pending' && run.wave < migration.startedWaves) {
      // A job lost with a crashed worker, or never sent: the queue dedupes if it is still waiting.
      if ((await deps.queue.send('patch-consumer', { migrationId: migration.id, consumer: run.consumer })) !== undefined) outcome.requeued += 1;
      continue;
    }
    if (run.prNumber === null || !['pr-open', 'ci-passed', 'ci-failed'].includes(run.state)) continue;
    outcome.checked += 1;
    const access = await deps.github.forRepo(run.repo);
    const pull = await readPull(access.octokit, { owner: run.repo.owner, repo: run.repo.name, number: run.prNumber });
    if (pull.state === 'closed') {
      const result = await transitionRun(deps.db, { migrationId: migration.id, consumer: run.consumer, event: pull.merged ? 'merged' : 'closed-by-person', actor: 'reconcile', reason: 'seen closed by the reconcile poll', now: deps.now() });
      if (result.kind === 'ok') outcome.healed += 1;
      continue;
    }
    const verdict = await readCiState(access.octokit, { owner: run.repo.owner, repo: run.repo.name, sha: pull.headSha, ignoreApp: deps.bot.appSlug });
    const current = run.headSha === pull.headSha ? run : { ...run, headSha: pull.headSha };
    outcome.healed += await applyCiVerdict(deps, [current], verdict, 'reconcile');
    outcome.rebased += await rebaseConflictingPulls(deps, run.repo, [current]);
  }
  // Soak time ends, windows open, webhooks are missed: the gate is looked at again on every pass.
  await deps.queue.send('evaluate-gate', { migrationId: migration.id });
}

/**
 * The scheduled reconcile job: GitHub never retries a webhook, so poll what the webhooks should
 * have told us — PRs merged or closed, CI verdicts — and re-send patch jobs that were lost.
 */
export async function reconcile(deps: WorkflowDeps, job: JobData<'reconcile'>): Promise<ReconcileOutcome> {
  const migrations = (await listMigrations(deps.db, { statuses: ['active'] })).filter((migration) => job.migrationId === undefined || migration.id === job.migrationId);
  const outcome: ReconcileOutcome = { migrations: migrations.length, checked: 0, healed: 0, requeued: 0, rebased: 0 };
  for (const migration of migrations) {
    try {
      await reconcileMigration(deps, migration, outcome);
    } catch (error) {
      // One unreachable repository must not stop the others from healing; the next pass tries again.
      deps.logger.warn({ migration: migration.id, err: error }, 'reconcile of a migration failed');
    }
  }
  return outcome;
}
