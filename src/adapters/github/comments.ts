import type { GitHubClient, RepoRef } from './github-client.js';

/** Comments on an issue or PR (both are issues to this endpoint). */
export async function createComment(octokit: GitHubClient, ref: RepoRef & { number: number; body: string }): Promise<{ id: number; htmlUrl: string }> {
  const { data } = await octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: ref.number, body: ref.body });
  return { id: data.id, htmlUrl: data.html_url };
}
