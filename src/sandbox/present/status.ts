import type { CommitStatus, Repo, StatusState } from '../state/types.js';
import type { Urls } from './urls.js';
import { nodeId, repoApiUrl } from './urls.js';
import { presentUser } from './user.js';

/** `status`: one commit status. */
export function presentStatus(urls: Urls, repo: Repo, status: CommitStatus) {
  return {
    url: `${repoApiUrl(urls, repo)}/statuses/${status.sha}`,
    avatar_url: `${urls.web}/avatars/u/${status.creator.id}?v=4`,
    id: status.id,
    node_id: nodeId('SC', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    creator: presentUser(urls, status.creator),
  };
}

/** The latest status per context, newest first, as the combined status lists them. */
export function latestStatusPerContext(statuses: readonly CommitStatus[]): CommitStatus[] {
  const latest = new Map<string, CommitStatus>();
  for (const status of statuses) {
    const seen = latest.get(status.context);
    if (seen === undefined || seen.id < status.id) latest.set(status.context, status);
  }
  return [...latest.values()].sort((a, b) => b.id - a.id);
}

/** GitHub's combined state: failure if any failed or errored, pending if any pending (or none at all), else success. */
export function combineStates(statuses: readonly CommitStatus[]): StatusState {
  if (statuses.some((status) => status.state === 'failure' || status.state === 'error')) return 'failure';
  if (statuses.length === 0 || statuses.some((status) => status.state === 'pending')) return 'pending';
  return 'success';
}

/** `combined-commit-status`. */
export function presentCombinedStatus(urls: Urls, repo: Repo, sha: string, latest: readonly CommitStatus[], repository: unknown) {
  return {
    state: combineStates(latest),
    statuses: latest.map((status) => {
      const { creator: _creator, ...simple } = presentStatus(urls, repo, status);
      return { ...simple, required: false };
    }),
    sha,
    total_count: latest.length,
    repository,
    commit_url: `${repoApiUrl(urls, repo)}/commits/${sha}`,
    url: `${repoApiUrl(urls, repo)}/commits/${sha}/status`,
  };
}
