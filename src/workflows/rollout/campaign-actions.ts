import { listRuns, setMigrationStatus, setPromoteRequested, transitionRun } from '../../adapters/store/index.js';
import type { Migration } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import { closeAbortedPull } from './close-aborted-pull.js';

/** What a campaign action did, in one line a person reads in a reply or on the issue. */
export type CampaignActionResult = { kind: 'done' | 'nothing-to-do'; message: string };

async function evaluateSoon(deps: WorkflowDeps, migrationId: string): Promise<void> {
  await deps.queue.send('evaluate-gate', { migrationId });
}

/** Opens the next wave now, whatever the gate says (checkbox or `/downstream promote`). */
export async function requestPromote(deps: WorkflowDeps, migration: Migration, actor: string): Promise<CampaignActionResult> {
  if (migration.status === 'aborted' || migration.status === 'completed') return { kind: 'nothing-to-do', message: `the campaign is ${migration.status}` };
  await setPromoteRequested(deps.db, { id: migration.id, requested: true, actor, now: deps.now() });
  await evaluateSoon(deps, migration.id);
  return { kind: 'done', message: 'the next wave opens now' };
}

/** Stops opening waves and patching until resumed; open PRs stay. */
export async function pauseCampaign(deps: WorkflowDeps, migration: Migration, actor: string): Promise<CampaignActionResult> {
  if (migration.status !== 'active' && migration.status !== 'halted') return { kind: 'nothing-to-do', message: `the campaign is ${migration.status}` };
  await setMigrationStatus(deps.db, { id: migration.id, status: 'paused', actor, reason: 'paused by a person', now: deps.now() });
  await deps.queue.send('update-tracking-issue', { migrationId: migration.id });
  return { kind: 'done', message: 'paused: no wave opens and nothing is patched until someone resumes' };
}

/** Resumes a paused or halted campaign; the gate is evaluated again at once. */
export async function resumeCampaign(deps: WorkflowDeps, migration: Migration, actor: string): Promise<CampaignActionResult> {
  if (migration.status !== 'paused' && migration.status !== 'halted') return { kind: 'nothing-to-do', message: `the campaign is ${migration.status}, not paused or halted` };
  await setMigrationStatus(deps.db, { id: migration.id, status: 'active', actor, reason: `resumed from ${migration.status}`, now: deps.now() });
  // Runs that waited while paused pick up where they were.
  for (const run of await listRuns(deps.db, { migrationId: migration.id, states: ['pending', 'patching'] })) {
    if (run.wave < migration.startedWaves) await deps.queue.send('patch-consumer', { migrationId: migration.id, consumer: run.consumer });
  }
  await evaluateSoon(deps, migration.id);
  return { kind: 'done', message: 'resumed' };
}

/** Re-runs every failed patch of the campaign. */
export async function retryFailed(deps: WorkflowDeps, migration: Migration, actor: string): Promise<CampaignActionResult> {
  const failed = await listRuns(deps.db, { migrationId: migration.id, states: ['failed'] });
  for (const run of failed) {
    const result = await transitionRun(deps.db, { migrationId: migration.id, consumer: run.consumer, event: 'retry', actor, reason: 'retry-failed', now: deps.now() });
    if (result.kind === 'ok') await deps.queue.send('patch-consumer', { migrationId: migration.id, consumer: run.consumer });
  }
  if (failed.length === 0) return { kind: 'nothing-to-do', message: 'no patch failed' };
  await deps.queue.send('update-tracking-issue', { migrationId: migration.id });
  return { kind: 'done', message: `retrying ${failed.length} failed patch${failed.length === 1 ? '' : 'es'}` };
}

/** Ends the campaign: its open PRs are closed with a comment and their branches deleted; merged ones stay. */
export async function abortCampaign(deps: WorkflowDeps, migration: Migration, actor: string): Promise<CampaignActionResult> {
  if (migration.status === 'aborted' || migration.status === 'completed') return { kind: 'nothing-to-do', message: `the campaign is already ${migration.status}` };
  await setMigrationStatus(deps.db, { id: migration.id, status: 'aborted', actor, reason: 'aborted by a person', now: deps.now() });
  const runs = await listRuns(deps.db, { migrationId: migration.id });
  let closed = 0;
  for (const run of runs) {
    if (['merged', 'declined', 'skipped', 'not-affected'].includes(run.state)) continue;
    if (run.prNumber !== null && run.branch !== null && ['pr-open', 'ci-passed', 'ci-failed', 'held'].includes(run.state)) {
      const access = await deps.github.forRepo(run.repo);
      await closeAbortedPull(access.octokit, { owner: run.repo.owner, repo: run.repo.name, number: run.prNumber, branch: run.branch, upstream: `${migration.upstream.owner}/${migration.upstream.name}`, actor });
      closed += 1;
    }
    await transitionRun(deps.db, { migrationId: migration.id, consumer: run.consumer, event: 'skipped', actor, reason: 'the campaign was aborted', now: deps.now() });
  }
  await deps.queue.send('update-tracking-issue', { migrationId: migration.id });
  return { kind: 'done', message: `aborted: ${closed} open PR${closed === 1 ? '' : 's'} closed and their branches deleted; merged PRs stay` };
}
