import type { SandboxContext } from '../context.js';
import { mergeTrees } from '../git/index.js';
import type { MergeableState, PullIssue } from '../present/pull.js';
import { combineStates, latestStatusPerContext } from '../present/status.js';
import type { Repo } from '../state/types.js';
import { findBranchSha } from './lookup.js';

/**
 * Brings `mergeable` up to date with the current head and base, as GitHub does in the background:
 * while the computation runs the pull request shows `mergeable: null`. `git merge-tree` needs no worktree.
 */
export async function ensureMergeableFresh(context: SandboxContext, repo: Repo, issue: PullIssue): Promise<void> {
  if (issue.state !== 'open') return;
  const baseTip = await findBranchSha(repo, issue.pull.baseRef);
  const headSha = issue.pull.headSha;
  const key = `${headSha}..${baseTip ?? ''}`;
  if (baseTip === undefined || issue.pull.mergeableKey === key) return;
  issue.pull.mergeable = null;
  issue.pull.mergeableKey = key;
  context.tasks.track(`mergeable ${repo.name}#${issue.number}`, async () => {
    const result = await mergeTrees(repo.gitDir, baseTip, headSha);
    // A newer push may have started another computation; only the latest inputs may write.
    if (issue.pull.mergeableKey === key) issue.pull.mergeable = result.kind === 'clean';
  });
}

/** Starts a mergeability computation after head or base moved (a tracked background task). */
export function refreshMergeable(context: SandboxContext, repo: Repo, issue: PullIssue): void {
  context.tasks.track(`refresh mergeable ${repo.name}#${issue.number}`, () => ensureMergeableFresh(context, repo, issue));
}

/** Whether a commit's checks and statuses have failed, are pending, or passed. */
export function readHeadChecks(context: SandboxContext, repo: Repo, sha: string): 'failing' | 'pending' | 'passing' | 'none' {
  const runs = [...context.store.checkRuns.values()].filter((run) => run.repoId === repo.id && run.headSha === sha);
  const statuses = latestStatusPerContext(context.store.statuses.filter((status) => status.repoId === repo.id && status.sha === sha));
  if (runs.length === 0 && statuses.length === 0) return 'none';
  const failedRun = runs.some((run) => run.conclusion !== null && !['success', 'neutral', 'skipped'].includes(run.conclusion));
  const combined = statuses.length === 0 ? 'success' : combineStates(statuses);
  if (failedRun || combined === 'failure') return 'failing';
  if (runs.some((run) => run.status !== 'completed') || combined === 'pending') return 'pending';
  return 'passing';
}

/** GitHub's `mergeable_state` for a pull request. */
export function decideMergeableState(context: SandboxContext, repo: Repo, issue: PullIssue): MergeableState {
  const pull = issue.pull;
  if (issue.state !== 'open' || pull.mergeable === null) return 'unknown';
  if (!pull.mergeable) return 'dirty';
  if (pull.draft) return 'draft';
  const checks = readHeadChecks(context, repo, pull.headSha);
  return checks === 'failing' || checks === 'pending' ? 'unstable' : 'clean';
}
