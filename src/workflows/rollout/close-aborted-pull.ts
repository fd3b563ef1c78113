import { closePull, createComment, deleteBranch } from '../../adapters/github/index.js';
import type { GitHubClient } from '../../adapters/github/index.js';

/** Closes one PR of an aborted campaign, says why (`comment`, else that a person aborted it), and deletes its branch. */
export async function closeAbortedPull(octokit: GitHubClient, input: { owner: string; repo: string; number: number; branch: string; upstream: string; actor: string; comment?: string }): Promise<void> {
  await createComment(octokit, {
    owner: input.owner,
    repo: input.repo,
    number: input.number,
    body: input.comment ?? `The migration this PR belongs to was aborted by @${input.actor} on ${input.upstream}, so downstream closes it and deletes its branch. Nothing else changes in this repository.`,
  });
  await closePull(octokit, { owner: input.owner, repo: input.repo, number: input.number });
  await deleteBranch(octokit, { owner: input.owner, repo: input.repo, branch: input.branch });
}
