import { z } from 'zod';
import type { GitHubClient, RepoRef } from './github-client.js';
import { isNotFound, isUnprocessable } from './github-client.js';

/** Closes a PR (a closed one stays closed). */
export async function closePull(octokit: GitHubClient, ref: RepoRef & { number: number }): Promise<void> {
  await octokit.rest.pulls.update({ owner: ref.owner, repo: ref.repo, pull_number: ref.number, state: 'closed' });
}

/** Deletes a branch; one already gone is not an error. */
export async function deleteBranch(octokit: GitHubClient, ref: RepoRef & { branch: string }): Promise<'deleted' | 'absent'> {
  try {
    await octokit.rest.git.deleteRef({ owner: ref.owner, repo: ref.repo, ref: `heads/${ref.branch}` });
    return 'deleted';
  } catch (error) {
    // GitHub answers 422 "Reference does not exist" for a branch already deleted.
    if (isNotFound(error) || isUnprocessable(error)) return 'absent';
    throw error;
  }
}

/** Removes a label from an issue or PR; one that is not on it is not an error. */
export async function removeLabel(octokit: GitHubClient, ref: RepoRef & { number: number; name: string }): Promise<'removed' | 'absent'> {
  try {
    await octokit.rest.issues.removeLabel({ owner: ref.owner, repo: ref.repo, issue_number: ref.number, name: ref.name });
    return 'removed';
  } catch (error) {
    if (isNotFound(error)) return 'absent';
    throw error;
  }
}

const disabledSchema = z.object({ disablePullRequestAutoMerge: z.object({ clientMutationId: z.string().nullable().optional() }).nullable() });

/**
 * Turns GitHub's native auto-merge off on a PR, if it is on (a held PR must not merge by itself).
 * Auto-merge is GraphQL-only; the PR is read first so a PR without it costs no mutation.
 */
export async function disableAutoMerge(octokit: GitHubClient, ref: RepoRef & { number: number }): Promise<'disabled' | 'was-off'> {
  const { data } = await octokit.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: ref.number });
  if (data.auto_merge === null || data.auto_merge === undefined) return 'was-off';
  const result = await octokit.graphql('mutation($id: ID!) { disablePullRequestAutoMerge(input: { pullRequestId: $id }) { clientMutationId } }', { id: data.node_id });
  disabledSchema.parse(result);
  return 'disabled';
}
