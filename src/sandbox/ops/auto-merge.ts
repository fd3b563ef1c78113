import type { SandboxContext } from '../context.js';
import { GitHubError } from '../http/github-error.js';
import type { Repo } from '../state/types.js';
import { openPullsWithHeadSha } from './lookup.js';
import { readHeadChecks } from './mergeability.js';
import type { PullIssue } from '../present/pull.js';
import type { Account } from '../state/types.js';
import { emitPullEvent } from './pull-events.js';
import type { MergeMethod } from './pulls.js';
import { mergePull } from './pulls.js';

/** After a check or status changes: merges pull requests with auto-merge on whose head now passes. */
export function scheduleAutoMerge(context: SandboxContext, repo: Repo, sha: string): void {
  const candidates = openPullsWithHeadSha(repo, sha).filter((issue) => issue.pull.autoMerge !== null);
  if (candidates.length === 0 || readHeadChecks(context, repo, sha) !== 'passing') return;
  context.tasks.track(`auto-merge ${repo.name}`, async () => {
    for (const issue of candidates) {
      const autoMerge = issue.pull.autoMerge;
      if (autoMerge === null || issue.state !== 'open' || issue.pull.headSha !== sha) continue;
      try {
        await mergePull(context, repo, issue, { method: autoMerge.mergeMethod, sha, actor: autoMerge.enabledBy });
      } catch (error) {
        // A conflict leaves the pull request open with auto-merge still on, as on GitHub.
        if (!(error instanceof GitHubError)) throw error;
      }
    }
  });
}

/** Turns on auto-merge (GitHub's GraphQL `enablePullRequestAutoMerge`); merges at once if the head already passes. */
export async function enableAutoMerge(context: SandboxContext, repo: Repo, issue: PullIssue, method: MergeMethod, actor: Account): Promise<void> {
  if (issue.state !== 'open') throw new GitHubError(422, 'Pull request is closed');
  issue.pull.autoMerge = { enabledBy: actor, mergeMethod: method, enabledAt: context.clock.iso() };
  await emitPullEvent(context, repo, issue, 'auto_merge_enabled', actor);
  scheduleAutoMerge(context, repo, issue.pull.headSha);
}
