import { createComment } from '../../adapters/github/index.js';
import type { JobData } from '../../adapters/queue/index.js';
import { listRunsByBranch, recordEvent, setRunEditedBy } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/**
 * Someone pushed to a `downstream/…` branch. If it was not the bot, the branch is theirs from now
 * on (DESIGN §5 "Human edits"): downstream stops rewriting it and says so on the PR, once.
 */
export async function onBranchPushed(deps: WorkflowDeps, job: JobData<'branch-pushed'>): Promise<{ runs: number }> {
  if (job.senderIsBot || job.pusher.toLowerCase() === deps.bot.login.toLowerCase()) return { runs: 0 };
  const runs = (await listRunsByBranch(deps.db, { repo: job.repo, branch: job.branch })).filter((run) => run.prNumber !== null && run.editedBy === null);
  for (const run of runs) {
    await setRunEditedBy(deps.db, { migrationId: run.migrationId, consumer: run.consumer, editedBy: job.pusher, now: deps.now() });
    await recordEvent(deps.db, { migrationId: run.migrationId, runId: run.id, kind: 'run.branch-edited', actor: job.pusher, payload: { sha: job.sha }, now: deps.now() });
    const access = await deps.github.forRepo(run.repo);
    await createComment(access.octokit, {
      owner: run.repo.owner,
      repo: run.repo.name,
      number: run.prNumber ?? 0,
      body: `@${job.pusher} pushed to this branch, so downstream will not rewrite it any more (no rebases, no regenerated patches). Comment \`/downstream recreate\` to reset it to downstream's patch, dropping those commits.`,
    });
  }
  return { runs: runs.length };
}
