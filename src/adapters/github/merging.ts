import type { GitHubClient, RepoRef } from './github-client.js';

/** Turns on GitHub's native auto-merge for a PR (GraphQL only: REST has no endpoint for it). */
export async function enableAutoMerge(octokit: GitHubClient, input: { pullRequestNodeId: string; method: 'SQUASH' | 'MERGE' | 'REBASE' }): Promise<void> {
  await octokit.graphql(
    `mutation($id: ID!, $method: PullRequestMergeMethod!) {
      enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $method }) { clientMutationId }
    }`,
    { id: input.pullRequestNodeId, method: input.method },
  );
}

/** Merges a PR now through REST, only if its head is still `sha` (so nothing unverified slips in). */
export async function mergePull(octokit: GitHubClient, ref: RepoRef & { number: number; sha: string }): Promise<void> {
  await octokit.rest.pulls.merge({ owner: ref.owner, repo: ref.repo, pull_number: ref.number, sha: ref.sha, merge_method: 'squash' });
}

/** A PR's GraphQL id and whether GitHub can merge it (`null` while it is still computing). */
export async function readPullMergeability(octokit: GitHubClient, ref: RepoRef & { number: number }): Promise<{ nodeId: string; mergeable: boolean | null; headSha: string }> {
  const { data } = await octokit.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: ref.number });
  return { nodeId: data.node_id, mergeable: data.mergeable, headSha: data.head.sha };
}
