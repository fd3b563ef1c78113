import type { Queue } from '../../adapters/queue/index.js';
import { reconcileCron } from '../../adapters/queue/index.js';
import type { WorkflowDeps } from '../../workflows/index.js';
import { answerPatchCommand, ensureOptOutNotices, evaluateGate, handleCommand, impactPreview, onPullRequestLabel, onBranchPushed, onCiUpdate, onPullRequestClosed, onSchemaChange, onTrackingIssueEvent, patchConsumer, reconcile, repairCi, updateTrackingIssue } from '../../workflows/index.js';

/** How many jobs of each kind one process runs at once; patching is CPU-bound (ts-morph), the rest is I/O. */
export type WorkerConcurrency = { patch: number; io: number; pollingIntervalSeconds?: number };

/**
 * Registers every job handler on the queue and schedules reconcile. Each handler is the error
 * boundary of its job: a throw fails the attempt and the queue retries it; only the patch job
 * records its own last failure, on the run a person looks at.
 */
export async function startWorker(deps: WorkflowDeps, queue: Queue, concurrency: WorkerConcurrency = { patch: 2, io: 4 }): Promise<void> {
  const log = (job: string) => deps.logger.child({ job });
  const polling = concurrency.pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: concurrency.pollingIntervalSeconds };
  await queue.work('schema-change', { concurrency: 1, ...polling }, async (job) => {
    const outcome = await onSchemaChange({ ...deps, logger: log('schema-change') }, job.data);
    // Consumers opted out at plan time (the catalog annotation) get their notice issue.
    for (const migration of outcome.migrations) await ensureOptOutNotices(deps, { migrationId: migration.id });
    return { ...outcome };
  });
  await queue.work('patch-consumer', { concurrency: concurrency.patch, ...polling }, async (job) => {
    const outcome = await patchConsumer({ ...deps, logger: log('patch-consumer').child({ migration: job.data.migrationId, consumer: job.data.consumer }) }, { ...job.data, lastAttempt: job.lastAttempt });
    // Waiting for pacing budget is not a failure: the same work comes back when there is room.
    if (outcome.kind === 'deferred') await queue.send('patch-consumer', job.data, { startAfterSeconds: Math.max(1, Math.ceil((outcome.retryAt.getTime() - deps.now().getTime()) / 1000)) });
    // A patch a person asked for with a slash command is answered on their comment's PR.
    await answerPatchCommand(deps, job.data, outcome);
    // Opting out means no PR, not silence: the consumer gets its notice issue.
    if (outcome.kind === 'skipped') await ensureOptOutNotices(deps, { migrationId: job.data.migrationId, consumer: job.data.consumer });
    return { ...outcome };
  });
  await queue.work('impact-preview', { concurrency: 1, ...polling }, async (job) => ({ ...(await impactPreview({ ...deps, logger: log('impact-preview') }, job.data)) }));
  await queue.work('pull-request-closed', { concurrency: concurrency.io, ...polling }, async (job) => ({ ...(await onPullRequestClosed(deps, job.data)) }));
  await queue.work('ci-update', { concurrency: concurrency.io, ...polling }, async (job) => ({ ...(await onCiUpdate(deps, job.data)) }));
  await queue.work('reconcile', { concurrency: 1, ...polling }, async (job) => ({ ...(await reconcile({ ...deps, logger: log('reconcile') }, job.data)) }));
  await queue.work('evaluate-gate', { concurrency: 1, ...polling }, async (job) => ({ ...(await evaluateGate({ ...deps, logger: log('evaluate-gate') }, job.data)) }));
  await queue.work('update-tracking-issue', { concurrency: 1, ...polling }, async (job) => ({ ...(await updateTrackingIssue(deps, job.data)) }));
  await queue.work('tracking-issue-event', { concurrency: 1, ...polling }, async (job) => ({ ...(await onTrackingIssueEvent(deps, job.data)) }));
  await queue.work('branch-pushed', { concurrency: concurrency.io, ...polling }, async (job) => ({ ...(await onBranchPushed(deps, job.data)) }));
  await queue.work('handle-command', { concurrency: concurrency.io, ...polling }, async (job) => ({ ...(await handleCommand({ ...deps, logger: log('handle-command') }, job.data)) }));
  await queue.work('pull-request-label', { concurrency: concurrency.io, ...polling }, async (job) => ({ ...(await onPullRequestLabel(deps, job.data)) }));
  await queue.work('repair-ci', { concurrency: concurrency.patch, ...polling }, async (job) => ({ ...(await repairCi({ ...deps, logger: log('repair-ci') }, job.data)) }));
  await queue.schedule('reconcile', reconcileCron, {});
}
