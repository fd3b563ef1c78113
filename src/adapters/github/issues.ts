import type { GitHubClient, RepoRef } from './github-client.js';

/** Adds labels to an issue or PR (GitHub creates labels that do not exist yet). */
export async function addLabels(octokit: GitHubClient, ref: RepoRef & { number: number; labels: string[] }): Promise<void> {
  if (ref.labels.length === 0) return;
  await octokit.rest.issues.addLabels({ owner: ref.owner, repo: ref.repo, issue_number: ref.number, labels: ref.labels });
}

export type IssueSummary = { number: number; htmlUrl: string; state: 'open' | 'closed'; body: string };

/** The first issue (not PR) opened by `creator` whose body contains `marker`. */
export async function findIssueWithMarker(octokit: GitHubClient, ref: RepoRef & { creator: string; marker: string }): Promise<IssueSummary | undefined> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: ref.owner, repo: ref.repo, creator: ref.creator, state: 'all', per_page: 100 });
  for (const issue of issues) {
    if (issue.pull_request !== undefined || !(issue.body ?? '').includes(ref.marker)) continue;
    return { number: issue.number, htmlUrl: issue.html_url, state: issue.state === 'open' ? 'open' : 'closed', body: issue.body ?? '' };
  }
  return undefined;
}

/** Opens an issue. */
export async function createIssue(octokit: GitHubClient, ref: RepoRef & { title: string; body: string; labels: string[] }): Promise<IssueSummary> {
  const { data } = await octokit.rest.issues.create({ owner: ref.owner, repo: ref.repo, title: ref.title, body: ref.body, labels: ref.labels });
  return { number: data.number, htmlUrl: data.html_url, state: 'open', body: data.body ?? '' };
}

/** Rewrites an issue's body. */
export async function updateIssueBody(octokit: GitHubClient, ref: RepoRef & { number: number; body: string }): Promise<void> {
  await octokit.rest.issues.update({ owner: ref.owner, repo: ref.repo, issue_number: ref.number, body: ref.body });
}
