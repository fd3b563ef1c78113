import type { GitHubClient, RepoRef } from './github-client.js';

export type PullSummary = { number: number; htmlUrl: string; state: 'open' | 'closed'; merged: boolean; headSha: string; headRef: string; body: string; draft: boolean };

type ApiPull = { number: number; html_url: string; state: string; merged_at: string | null; head: { sha: string; ref: string }; body: string | null; draft?: boolean };

function summarise(pull: ApiPull): PullSummary {
  return {
    number: pull.number,
    htmlUrl: pull.html_url,
    state: pull.state === 'open' ? 'open' : 'closed',
    merged: pull.merged_at !== null,
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    body: pull.body ?? '',
    draft: pull.draft ?? false,
  };
}

/** The most recent PR (any state) whose head is `branch` in the same repository. */
export async function findPullForBranch(octokit: GitHubClient, ref: RepoRef & { branch: string }): Promise<PullSummary | undefined> {
  const { data } = await octokit.rest.pulls.list({ owner: ref.owner, repo: ref.repo, head: `${ref.owner}:${ref.branch}`, state: 'all', per_page: 10 });
  const [latest] = [...data].sort((left, right) => right.number - left.number);
  return latest === undefined ? undefined : summarise(latest);
}

/** One PR's current state. */
export async function readPull(octokit: GitHubClient, ref: RepoRef & { number: number }): Promise<PullSummary> {
  const { data } = await octokit.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: ref.number });
  return summarise(data);
}

export type PullContent = { title: string; body: string; draft: boolean };

/** Opens a PR from `branch` onto `base`. */
export async function createPull(octokit: GitHubClient, ref: RepoRef & { branch: string; base: string } & PullContent): Promise<PullSummary> {
  const { data } = await octokit.rest.pulls.create({ owner: ref.owner, repo: ref.repo, head: ref.branch, base: ref.base, title: ref.title, body: ref.body, draft: ref.draft });
  return summarise(data);
}

/** Rewrites a PR's title and body. */
export async function updatePull(octokit: GitHubClient, ref: RepoRef & { number: number; title: string; body: string }): Promise<void> {
  await octokit.rest.pulls.update({ owner: ref.owner, repo: ref.repo, pull_number: ref.number, title: ref.title, body: ref.body });
}

/** Asks people and teams to review; GitHub ignores the PR author and unknown names are reported by a 422. */
export async function requestReviewers(octokit: GitHubClient, ref: RepoRef & { number: number; users: string[]; teams: string[] }): Promise<void> {
  if (ref.users.length === 0 && ref.teams.length === 0) return;
  await octokit.rest.pulls.requestReviewers({ owner: ref.owner, repo: ref.repo, pull_number: ref.number, reviewers: ref.users, team_reviewers: ref.teams });
}
