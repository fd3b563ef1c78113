import { renderPatchReply } from '../../core/commands/index.js';
import type { PatchReplyOutcome } from '../../core/commands/index.js';
import { createComment } from '../../adapters/github/index.js';
import type { JobData } from '../../adapters/queue/index.js';
import { findRun } from '../../adapters/store/index.js';
import type { PatchOutcome } from '../patch-consumer.js';
import type { WorkflowDeps } from '../workflow-deps.js';

function toReply(outcome: Exclude<PatchOutcome, { kind: 'deferred' }>): PatchReplyOutcome {
  switch (outcome.kind) {
    case 'pr-open':
      return { kind: 'pr-open', edits: outcome.edits, leftovers: outcome.leftovers };
    case 'needs-human':
      return { kind: 'needs-human', issueUrl: outcome.issueUrl, leftovers: outcome.leftovers };
    case 'not-affected':
      return { kind: 'not-affected' };
    case 'merged':
    case 'declined':
      return { kind: outcome.kind, prUrl: outcome.prUrl };
    default:
      return { kind: outcome.kind, reason: outcome.reason };
  }
}

/**
 * Answers the comment that asked for a patch (`rebase`, `recreate`, `retry`) once the patch job
 * has really ended; a job deferred for pacing budget comes back and answers then. The patch is
 * done by now, so a reply that cannot be posted is logged rather than redoing the patch.
 */
export async function answerPatchCommand(deps: WorkflowDeps, job: JobData<'patch-consumer'>, outcome: PatchOutcome): Promise<void> {
  if (job.replyTo === undefined || job.requestedBy === undefined || outcome.kind === 'deferred') return;
  const run = await findRun(deps.db, job);
  if (run === undefined) return;
  try {
    const access = await deps.github.forRepo(run.repo);
    const body = renderPatchReply({ author: job.requestedBy, command: job.replyTo.command, outcome: toReply(outcome) });
    await createComment(access.octokit, { owner: run.repo.owner, repo: run.repo.name, number: job.replyTo.issueNumber, body });
  } catch (error) {
    deps.logger.warn({ migration: job.migrationId, consumer: job.consumer, error: error instanceof Error ? error.message : String(error) }, 'could not answer a patch command');
  }
}
