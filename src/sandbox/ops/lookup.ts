import { findCommitSha } from '../git/index.js';
import { notFound } from '../http/github-error.js';
import type { PullIssue } from '../present/pull.js';
import type { Store } from '../state/store.js';
import type { Account, Issue, Repo } from '../state/types.js';

export function isPull(issue: Issue): issue is PullIssue {
  return issue.pull !== undefined;
}

export function getIssueOrThrow(repo: Repo, number: number): Issue {
  const issue = repo.issues.get(number);
  if (issue === undefined) throw notFound();
  return issue;
}

export function getPullOrThrow(repo: Repo, number: number): PullIssue {
  const issue = repo.issues.get(number);
  if (issue === undefined || !isPull(issue)) throw notFound();
  return issue;
}

export function countComments(store: Store, repo: Repo, number: number): number {
  let count = 0;
  for (const comment of store.comments.values()) if (comment.repoId === repo.id && comment.issueNumber === number) count += 1;
  return count;
}

export function listPulls(repo: Repo): PullIssue[] {
  return [...repo.issues.values()].filter(isPull);
}

/** Open pull requests whose head commit is `sha` (what check runs and suites link to). */
export function openPullsWithHeadSha(repo: Repo, sha: string): PullIssue[] {
  return listPulls(repo).filter((issue) => issue.state === 'open' && issue.pull.headSha === sha);
}

/** The commit a branch points at, or undefined when the branch does not exist. */
export function findBranchSha(repo: Repo, branch: string): Promise<string | undefined> {
  return findCommitSha(repo.gitDir, `refs/heads/${branch}`);
}

/** GitHub's noreply address for an account, which commits made through the sandbox use. */
export function noreplyEmail(account: Account): string {
  return `${account.id}+${account.login}@users.noreply.github.com`;
}

/** Links a commit email to an account: a noreply address, or an address an account declared. */
export function accountByEmail(store: Store): (email: string) => Account | undefined {
  return (email) => {
    const noreply = /^(\d+)\+(.+)@users\.noreply\.github\.com$/.exec(email);
    for (const account of store.accounts.values()) {
      if (noreply !== null && account.id === Number(noreply[1])) return account;
      if (account.email !== null && account.email.toLowerCase() === email.toLowerCase()) return account;
    }
    return undefined;
  };
}
