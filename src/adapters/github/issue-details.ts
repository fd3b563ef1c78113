import type { GitHubClient, RepoRef } from './github-client.js';

/** An issue or PR as the issues API shows it: who opened it, its body, and whether it is a PR. */
export type IssueDetails = { number: number; author: string; body: string; isPull: boolean; state: 'open' | 'closed' };

/** One issue or PR through the issues API. */
export async function readIssue(octokit: GitHubClient, ref: RepoRef & { number: number }): Promise<IssueDetails> {
  const { data } = await octokit.rest.issues.get({ owner: ref.owner, repo: ref.repo, issue_number: ref.number });
  return { number: data.number, author: data.user?.login ?? '', body: data.body ?? '', isPull: data.pull_request !== undefined, state: data.state === 'open' ? 'open' : 'closed' };
}
