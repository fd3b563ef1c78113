import type { SandboxContext } from '../context.js';
import { diffCommits, findMergeBase, listCommitsBetween } from '../git/index.js';
import type { PullIssue, PullStats } from '../present/pull.js';
import type { Repo } from '../state/types.js';
import { findBranchSha } from './lookup.js';

/** The commit a pull request's diff starts from: where its head left the base branch. */
export async function readPullBase(repo: Repo, issue: PullIssue): Promise<string> {
  const pull = issue.pull;
  // A merged pull request keeps the diff it had: against the base as it was when merged.
  const baseTip = pull.merged ? pull.baseSha : ((await findBranchSha(repo, pull.baseRef)) ?? pull.baseSha);
  return (await findMergeBase(repo.gitDir, baseTip, pull.headSha)) ?? baseTip;
}

/** Commits and line counts of a pull request, computed from git as GitHub does. */
export async function readPullStats(_context: SandboxContext, repo: Repo, issue: PullIssue): Promise<PullStats> {
  const base = await readPullBase(repo, issue);
  const [commits, files] = await Promise.all([listCommitsBetween(repo.gitDir, base, issue.pull.headSha), diffCommits(repo.gitDir, base, issue.pull.headSha)]);
  return {
    commits: commits.length,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changedFiles: files.length,
  };
}
