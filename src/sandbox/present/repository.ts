import type { Repo } from '../state/types.js';
import type { Urls } from './urls.js';
import { nodeId, repoApiUrl, repoWebUrl } from './urls.js';
import { presentUser } from './user.js';

function openIssueCount(repo: Repo): number {
  let count = 0;
  for (const issue of repo.issues.values()) if (issue.state === 'open') count += 1;
  return count;
}

function repoLinks(urls: Urls, repo: Repo) {
  const api = repoApiUrl(urls, repo);
  return {
    url: api,
    html_url: repoWebUrl(urls, repo),
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    git_url: `${urls.web.replace(/^https?:/, 'git:')}/${repo.owner.login}/${repo.name}.git`,
    ssh_url: `git@${new URL(urls.web).host}:${repo.owner.login}/${repo.name}.git`,
    clone_url: `${repoWebUrl(urls, repo)}.git`,
    svn_url: repoWebUrl(urls, repo),
    mirror_url: null,
  };
}

function repoSettings(repo: Repo) {
  const openIssues = openIssueCount(repo);
  return {
    description: repo.description,
    fork: false,
    homepage: null,
    size: 1,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'TypeScript',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [...repo.topics],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
    allow_squash_merge: true,
    allow_merge_commit: true,
    // git 2.39's merge-tree cannot replay commits without a worktree, so the sandbox offers no rebase merges.
    allow_rebase_merge: false,
    allow_auto_merge: true,
    delete_branch_on_merge: false,
    allow_update_branch: false,
  };
}

/** A repository as REST shows it (a superset of `repository`, `full-repository` and `minimal-repository`). */
export function presentRepository(urls: Urls, repo: Repo) {
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    private: repo.private,
    owner: presentUser(urls, repo.owner),
    ...repoLinks(urls, repo),
    ...repoSettings(repo),
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt,
    network_count: 0,
    subscribers_count: 0,
  };
}

/** A repository as webhook payloads show it (`repository-webhooks`). */
export function presentWebhookRepository(urls: Urls, repo: Repo) {
  return { ...presentRepository(urls, repo), custom_properties: {} };
}

/** A repository inside a `push` payload, where GitHub still sends epoch seconds for two dates. */
export function presentPushRepository(urls: Urls, repo: Repo) {
  const base = presentWebhookRepository(urls, repo);
  return {
    ...base,
    owner: { ...presentUser(urls, repo.owner), name: repo.owner.login, email: null },
    created_at: Math.floor(Date.parse(repo.createdAt) / 1000),
    pushed_at: Math.floor(Date.parse(repo.pushedAt) / 1000),
    stargazers: 0,
    master_branch: repo.defaultBranch,
    ...(repo.owner.type === 'Organization' ? { organization: repo.owner.login } : {}),
  };
}
