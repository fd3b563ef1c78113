import type { Issue, PullData, Repo } from '../state/types.js';
import { authorAssociation } from './association.js';
import { presentIssueLabels } from './label.js';
import { presentRepository } from './repository.js';
import type { Urls } from './urls.js';
import { nodeId, repoApiUrl, repoWebUrl } from './urls.js';
import { presentNullableUser, presentUser } from './user.js';

/** A pull request: its issue and its pull data. */
export type PullIssue = Issue & { pull: PullData };

/** Figures GitHub computes from git for a full pull request. */
export type PullStats = { commits: number; additions: number; deletions: number; changedFiles: number };

/** What GitHub's `mergeable_state` would say, from mergeability and the head's checks. */
export type MergeableState = 'clean' | 'dirty' | 'unknown' | 'unstable' | 'draft' | 'blocked' | 'behind';

function branchEnd(urls: Urls, repo: Repo, ref: string, sha: string) {
  return { label: `${repo.owner.login}:${ref}`, ref, sha, user: presentUser(urls, repo.owner), repo: presentRepository(urls, repo) };
}

/** `pull-request-simple`: how lists show a pull request. */
export function presentPullSimple(urls: Urls, repo: Repo, issue: PullIssue) {
  const pull = issue.pull;
  const api = `${repoApiUrl(urls, repo)}/pulls/${issue.number}`;
  const issueApi = `${repoApiUrl(urls, repo)}/issues/${issue.number}`;
  const web = `${repoWebUrl(urls, repo)}/pull/${issue.number}`;
  const statuses = `${repoApiUrl(urls, repo)}/statuses/${pull.headSha}`;
  return {
    url: api,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApiUrl(urls, repo)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: statuses,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: presentUser(urls, issue.user),
    body: issue.body,
    labels: presentIssueLabels(urls, repo, issue.labels),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: presentNullableUser(urls, issue.assignees[0]),
    assignees: issue.assignees.map((account) => presentUser(urls, account)),
    requested_reviewers: pull.requestedReviewers.map((account) => presentUser(urls, account)),
    requested_teams: [],
    head: branchEnd(urls, repo, pull.headRef, pull.headSha),
    base: branchEnd(urls, repo, pull.baseRef, pull.baseSha),
    _links: {
      self: { href: api },
      html: { href: web },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApiUrl(urls, repo)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: statuses },
    },
    author_association: authorAssociation(repo, issue.user),
    auto_merge:
      pull.autoMerge === null
        ? null
        : { enabled_by: presentUser(urls, pull.autoMerge.enabledBy), merge_method: pull.autoMerge.mergeMethod, commit_title: issue.title, commit_message: '' },
    draft: pull.draft,
  };
}

/** `pull-request`: the full object, with mergeability and git figures. */
export function presentPull(urls: Urls, repo: Repo, issue: PullIssue, extra: { stats: PullStats; commentCount: number; mergeableState: MergeableState }) {
  const pull = issue.pull;
  return {
    ...presentPullSimple(urls, repo, issue),
    merged: pull.merged,
    mergeable: issue.state === 'open' ? pull.mergeable : null,
    rebaseable: false,
    mergeable_state: extra.mergeableState,
    merged_by: presentNullableUser(urls, pull.mergedBy),
    comments: extra.commentCount,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: extra.stats.commits,
    additions: extra.stats.additions,
    deletions: extra.stats.deletions,
    changed_files: extra.stats.changedFiles,
  };
}

/** `pull-request-minimal`: how check runs and suites name their pull requests. */
export function presentPullMinimal(urls: Urls, repo: Repo, issue: PullIssue) {
  const repoRef = { id: repo.id, url: repoApiUrl(urls, repo), name: repo.name };
  return {
    id: issue.pull.id,
    number: issue.number,
    url: `${repoApiUrl(urls, repo)}/pulls/${issue.number}`,
    head: { ref: issue.pull.headRef, sha: issue.pull.headSha, repo: repoRef },
    base: { ref: issue.pull.baseRef, sha: issue.pull.baseSha, repo: repoRef },
  };
}
