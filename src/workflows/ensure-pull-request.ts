import type { Reviewers } from '../core/consumers/index.js';
import type { GitHubClient } from '../adapters/github/index.js';
import { addLabels, createPull, findPullForBranch, requestReviewers, updatePull } from '../adapters/github/index.js';
import type { PullSummary } from '../adapters/github/index.js';
import { isUnprocessable } from '../adapters/github/index.js';

/** The PR as it stands after `ensurePullRequest`; a closed one is never reopened. */
export type EnsuredPull = { kind: 'created' | 'updated'; pull: PullSummary; warnings: string[] } | { kind: 'closed'; pull: PullSummary; warnings: string[] };

/**
 * Creates the consumer PR for `branch`, or updates the one already there (Renovate's ensurePr), so
 * a retried job is harmless. Creating costs at most three content-creating calls: the PR, its
 * labels and its reviewers (GitHub's create endpoint takes neither).
 */
export async function ensurePullRequest(
  octokit: GitHubClient,
  input: { owner: string; repo: string; branch: string; base: string; title: string; body: string; draft: boolean; labels: string[]; reviewers: Reviewers },
): Promise<EnsuredPull> {
  const existing = await findPullForBranch(octokit, { owner: input.owner, repo: input.repo, branch: input.branch });
  if (existing !== undefined && existing.state === 'closed') return { kind: 'closed', pull: existing, warnings: [] };
  if (existing !== undefined) {
    if (existing.body !== input.body) await updatePull(octokit, { owner: input.owner, repo: input.repo, number: existing.number, title: input.title, body: input.body });
    return { kind: 'updated', pull: existing, warnings: [] };
  }
  const pull = await createPull(octokit, { owner: input.owner, repo: input.repo, branch: input.branch, base: input.base, title: input.title, body: input.body, draft: input.draft });
  await addLabels(octokit, { owner: input.owner, repo: input.repo, number: pull.number, labels: input.labels });
  const warnings: string[] = [];
  try {
    await requestReviewers(octokit, { owner: input.owner, repo: input.repo, number: pull.number, users: input.reviewers.users, teams: input.reviewers.teams });
  } catch (error) {
    // A reviewer who is not a collaborator, or a team without access, must not undo an opened PR.
    if (!isUnprocessable(error)) throw error;
    warnings.push(`could not request reviews from ${[...input.reviewers.users, ...input.reviewers.teams.map((team) => `team ${team}`)].join(', ')}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { kind: 'created', pull, warnings };
}
