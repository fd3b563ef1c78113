import type { ProbotOctokit } from 'probot';

/** An installation-authenticated Octokit with Probot's throttling, retry and config plugins. */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** A repository as the API addresses it. */
export type RepoRef = { owner: string; repo: string };

/** Whether an Octokit error is GitHub saying the thing does not exist (or is not visible to us). */
export function isNotFound(error: unknown): boolean {
  return error !== null && typeof error === 'object' && 'status' in error && error.status === 404;
}

/** Whether an Octokit error is GitHub refusing the request's content (422), e.g. an unknown reviewer. */
export function isUnprocessable(error: unknown): boolean {
  return error !== null && typeof error === 'object' && 'status' in error && error.status === 422;
}
