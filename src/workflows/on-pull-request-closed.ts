import type { JobData } from '../adapters/queue/index.js';
import { findRunByPr, transitionRun } from '../adapters/store/index.js';
import type { WorkflowDeps } from './workflow-deps.js';

/**
 * A consumer PR was closed: merged, or declined by a person — a declined PR is never reopened
 * for this migration (DESIGN §3). PRs downstream did not open are not ours to record.
 */
export async function onPullRequestClosed(deps: WorkflowDeps, job: JobData<'pull-request-closed'>): Promise<{ recorded: boolean; state?: string }> {
  const run = await findRunByPr(deps.db, { repo: job.repo, prNumber: job.pullNumber });
  if (run === undefined) return { recorded: false };
  const result = await transitionRun(deps.db, {
    migrationId: run.migrationId,
    consumer: run.consumer,
    event: job.merged ? 'merged' : 'closed-by-person',
    actor: job.closedBy,
    ...(job.merged ? {} : { reason: `${job.closedBy} closed the PR without merging it` }),
    now: deps.now(),
  });
  if (result.kind !== 'ok') return { recorded: false, state: result.run.state };
  await deps.queue.send('evaluate-gate', { migrationId: run.migrationId });
  return { recorded: true, state: result.run.state };
}
