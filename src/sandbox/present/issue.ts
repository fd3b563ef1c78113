import type { Comment, Issue, Repo } from '../state/types.js';
import { presentApp } from './app.js';
import { authorAssociation } from './association.js';
import { presentIssueLabels } from './label.js';
import { presentReactionRollup } from './reactions.js';
import type { Urls } from './urls.js';
import { nodeId, repoApiUrl, repoWebUrl } from './urls.js';
import { presentNullableUser, presentUser } from './user.js';

/** `issue` (pull requests included, with their `pull_request` stanza, as the issues API shows them). */
export function presentIssue(urls: Urls, repo: Repo, issue: Issue, commentCount: number) {
  const api = `${repoApiUrl(urls, repo)}/issues/${issue.number}`;
  const web = `${repoWebUrl(urls, repo)}/${issue.pull === undefined ? 'issues' : 'pull'}/${issue.number}`;
  return {
    id: issue.id,
    node_id: nodeId(issue.pull === undefined ? 'I' : 'PR', issue.pull?.id ?? issue.id),
    url: api,
    repository_url: repoApiUrl(urls, repo),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    timeline_url: `${api}/timeline`,
    number: issue.number,
    title: issue.title,
    user: presentUser(urls, issue.user),
    labels: presentIssueLabels(urls, repo, issue.labels),
    state: issue.state,
    state_reason: issue.stateReason,
    locked: issue.locked,
    assignee: presentNullableUser(urls, issue.assignees[0]),
    assignees: issue.assignees.map((account) => presentUser(urls, account)),
    milestone: null,
    comments: commentCount,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: presentNullableUser(urls, issue.closedBy),
    author_association: authorAssociation(repo, issue.user),
    active_lock_reason: null,
    body: issue.body,
    reactions: presentReactionRollup(`${api}/reactions`, issue.reactions),
    performed_via_github_app: null,
    ...(issue.pull === undefined
      ? {}
      : {
          draft: issue.pull.draft,
          pull_request: {
            url: `${repoApiUrl(urls, repo)}/pulls/${issue.number}`,
            html_url: web,
            diff_url: `${web}.diff`,
            patch_url: `${web}.patch`,
            merged_at: issue.pull.mergedAt,
          },
        }),
  };
}

/** `issue-comment`. */
export function presentComment(urls: Urls, repo: Repo, comment: Comment) {
  const api = `${repoApiUrl(urls, repo)}/issues/comments/${comment.id}`;
  const issue = repo.issues.get(comment.issueNumber);
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url: api,
    html_url: `${repoWebUrl(urls, repo)}/${issue?.pull === undefined ? 'issues' : 'pull'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApiUrl(urls, repo)}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: presentUser(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user),
    performed_via_github_app: comment.viaApp === undefined ? null : presentApp(urls, comment.viaApp),
    reactions: presentReactionRollup(`${api}/reactions`, comment.reactions),
  };
}
