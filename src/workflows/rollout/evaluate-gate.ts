import { decideNextWave } from '../../core/rollout/index.js';
import type { WaveDecision } from '../../core/rollout/index.js';
import type { JobData } from '../../adapters/queue/index.js';
import { getMigrationOrThrow, listRuns, setMigrationStatus, startWave } from '../../adapters/store/index.js';
import type { Migration, Run } from '../../adapters/store/index.js';
import { addLabels, createComment } from '../../adapters/github/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/** The label a halted campaign's tracking issue carries. */
export const haltedLabel = 'downstream:halted';

// Runs that will not change any more: when every run of every started wave is one of these and no wave is left, the campaign is complete.
const settled = new Set<Run['state']>(['merged', 'declined', 'skipped', 'not-affected']);

async function halt(deps: WorkflowDeps, migration: Migration, decision: WaveDecision): Promise<void> {
  if (migration.status !== 'active') return;
  await setMigrationStatus(deps.db, { id: migration.id, status: 'halted', actor: deps.bot.login, reason: decision.reason, now: deps.now() });
  if (migration.trackingIssue === null || migration.installationId === null) return;
  const upstream = await deps.github.forInstallation(migration.installationId);
  const ref = { owner: migration.upstream.owner, repo: migration.upstream.name, number: migration.trackingIssue };
  await addLabels(upstream.octokit, { ...ref, labels: [haltedLabel] });
  await createComment(upstream.octokit, { ...ref, body: `**The rollout halted.** ${decision.reason}\n\nConsumers of later waves are untouched. Fix or decline the failing PRs, then tick "Resume" above (or comment \`/downstream resume\`).` });
}

/** Queues the patch of every run still pending in the first `openWaves` waves. */
async function enqueuePending(deps: WorkflowDeps, migration: Migration, runs: readonly Run[], openWaves: number): Promise<void> {
  for (const run of runs.filter((candidate) => candidate.wave < openWaves && candidate.state === 'pending')) {
    await deps.queue.send('patch-consumer', { migrationId: migration.id, consumer: run.consumer });
  }
}

/**
 * The gate job (DESIGN §1): decide whether the next wave opens, and act — open it (each wave once,
 * whatever the number of workers), halt the campaign, or come back when waiting can end.
 */
export async function evaluateGate(deps: WorkflowDeps, job: JobData<'evaluate-gate'>): Promise<WaveDecision | { decision: 'not-planned' }> {
  const migration = await getMigrationOrThrow(deps.db, job.migrationId);
  if (migration.plan === null) return { decision: 'not-planned' };
  const runs = await listRuns(deps.db, { migrationId: migration.id });
  const now = deps.now();
  const decision = decideNextWave(migration.plan, runs, now, { status: migration.status, startedWaves: migration.startedWaves, promoteRequested: migration.promoteRequested });
  const log = deps.logger.child({ migration: migration.id });
  if (decision.decision === 'promote' && decision.wave !== undefined) {
    const started = await startWave(deps.db, { id: migration.id, wave: decision.wave, actor: migration.promoteRequested ? 'person' : deps.bot.login, reason: decision.reason, now });
    if (started === 'started') {
      await enqueuePending(deps, migration, runs, decision.wave + 1);
      log.info({ wave: decision.wave, reason: decision.reason }, 'wave opened');
      // A wave with nothing to patch (all opted out or gone) passes its gate at once.
      await deps.queue.send('evaluate-gate', { migrationId: migration.id }, { startAfterSeconds: 1 });
    }
  } else if (decision.decision === 'halt') {
    await halt(deps, migration, decision);
  } else if (decision.decision === 'wait' && decision.retryAt !== undefined) {
    const seconds = Math.max(1, Math.min(3600, Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000)));
    await deps.queue.send('evaluate-gate', { migrationId: migration.id }, { startAfterSeconds: seconds });
  } else if (decision.decision === 'done' && migration.status === 'active' && runs.every((run) => settled.has(run.state))) {
    await setMigrationStatus(deps.db, { id: migration.id, status: 'completed', actor: deps.bot.login, reason: 'every consumer merged, declined, skipped or was not affected', now });
  }
  // A wave opened by an attempt that died before queueing all its patches (a restart mid-job)
  // still gets them: runs of open waves still pending are queued again; job keys drop repeats.
  if (migration.status === 'active' && decision.decision !== 'halt') await enqueuePending(deps, migration, runs, migration.startedWaves);
  await deps.queue.send('update-tracking-issue', { migrationId: migration.id }, { startAfterSeconds: 2 });
  return decision;
}
