import { decideAutomerge, decideRebase } from '../../core/rollout/index.js';
import { enableAutoMerge, mergePull, readPullMergeability, readRepo, readRepoConfig } from '../../adapters/github/index.js';
import { getMigrationOrThrow, listRuns, recordEvent } from '../../adapters/store/index.js';
import type { Run } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/**
 * A bot PR turned green: merge it if the consumer (or, when it does not say, the producer's
 * policy) opted into automerge — through GitHub's native auto-merge, which also waits for required
 * reviews and merge queues, or through REST when the repository turned native auto-merge off.
 */
export async function applyAutomerge(deps: WorkflowDeps, run: Run): Promise<{ kind: string; reason: string }> {
  if (run.prNumber === null) return { kind: 'off', reason: 'no PR' };
  const migration = await getMigrationOrThrow(deps.db, run.migrationId);
  if (migration.plan === null || migration.status !== 'active') return { kind: 'off', reason: `the migration is ${migration.status}` };
  const access = await deps.github.forRepo(run.repo);
  const ref = { owner: run.repo.owner, repo: run.repo.name };
  const [repo, { config }] = await Promise.all([readRepo(access.octokit, ref), readRepoConfig(access.octokit, ref)]);
  const decision = decideAutomerge({
    policy: migration.plan.policy,
    consumerConfig: { automerge: config.automerge },
    ciState: run.state,
    requiredChecksPassing: run.state === 'ci-passed',
    nativeAutoMergeAllowed: repo.allowAutoMerge,
    held: run.state === 'held',
  });
  if (decision.kind === 'enable-native' || decision.kind === 'merge-now') {
    const pull = await readPullMergeability(access.octokit, { ...ref, number: run.prNumber });
    if (decision.kind === 'enable-native') await enableAutoMerge(access.octokit, { pullRequestNodeId: pull.nodeId, method: 'SQUASH' });
    else await mergePull(access.octokit, { ...ref, number: run.prNumber, sha: run.headSha ?? pull.headSha });
    await recordEvent(deps.db, { migrationId: run.migrationId, runId: run.id, kind: `run.automerge-${decision.kind}`, actor: deps.bot.login, payload: { reason: decision.reason }, now: deps.now() });
  }
  return decision;
}

/**
 * After the base branch of a repository moved: rebase each bot PR there only if it now conflicts
 * (no rebase storms), and never one a person edited or held.
 */
export async function rebaseConflictingPulls(deps: WorkflowDeps, repo: { owner: string; name: string }, runs: readonly Run[]): Promise<number> {
  let queued = 0;
  for (const run of runs) {
    if (run.prNumber === null || !['pr-open', 'ci-passed', 'ci-failed', 'held'].includes(run.state)) continue;
    const access = await deps.github.forRepo(repo);
    const pull = await readPullMergeability(access.octokit, { owner: repo.owner, repo: repo.name, number: run.prNumber });
    const decision = decideRebase({ mergeable: pull.mergeable, humanEdited: run.editedBy !== null, held: run.state === 'held' });
    if (decision.kind !== 'rebase') continue;
    await deps.queue.send('patch-consumer', { migrationId: run.migrationId, consumer: run.consumer, mode: 'rebase', requestedBy: deps.bot.login });
    queued += 1;
  }
  return queued;
}

/** The open bot PRs of every active migration in one repository. */
export async function listOpenRunsIn(deps: WorkflowDeps, repo: { owner: string; name: string }, migrationIds: readonly string[]): Promise<Run[]> {
  const runs: Run[] = [];
  for (const migrationId of migrationIds) {
    for (const run of await listRuns(deps.db, { migrationId, states: ['pr-open', 'ci-passed', 'ci-failed'] })) {
      if (run.repo.owner.toLowerCase() === repo.owner.toLowerCase() && run.repo.name.toLowerCase() === repo.name.toLowerCase()) runs.push(run);
    }
  }
  return runs;
}
