import type { CommitInfo } from '../git/index.js';
import type { Account, Repo } from '../state/types.js';
import type { Urls } from './urls.js';
import { nodeId, repoApiUrl, repoWebUrl } from './urls.js';
import { presentUser } from './user.js';

/** Finds the account behind a commit email (GitHub links commits to users by email). */
export type AccountByEmail = (email: string) => Account | undefined;

/** `commit`: a commit as the commits, compare and branch endpoints show it. */
export function presentCommit(urls: Urls, repo: Repo, commit: CommitInfo, accountByEmail: AccountByEmail) {
  const api = repoApiUrl(urls, repo);
  const author = accountByEmail(commit.author.email);
  const committer = accountByEmail(commit.committer.email);
  return {
    sha: commit.sha,
    node_id: nodeId('C', Number.parseInt(commit.sha.slice(0, 12), 16)),
    url: `${api}/commits/${commit.sha}`,
    html_url: `${repoWebUrl(urls, repo)}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: { name: commit.author.name, email: commit.author.email, date: commit.author.date },
      committer: { name: commit.committer.name, email: commit.committer.email, date: commit.committer.date },
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: author === undefined ? {} : presentUser(urls, author),
    committer: committer === undefined ? {} : presentUser(urls, committer),
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `${repoWebUrl(urls, repo)}/commit/${sha}` })),
  };
}

/** A commit inside a `push` payload. */
export function presentPushCommit(urls: Urls, repo: Repo, commit: CommitInfo, files: { added: string[]; removed: string[]; modified: string[] }, distinct: boolean) {
  const person = (who: CommitInfo['author']) => ({ name: who.name, email: who.email, date: who.date });
  return {
    id: commit.sha,
    tree_id: commit.tree,
    distinct,
    message: commit.message,
    timestamp: commit.committer.date,
    url: `${repoWebUrl(urls, repo)}/commit/${commit.sha}`,
    author: person(commit.author),
    committer: person(commit.committer),
    added: files.added,
    removed: files.removed,
    modified: files.modified,
  };
}

/** A commit as `status` payloads and check suites' `head_commit` show it. */
export function presentSimpleCommit(commit: CommitInfo) {
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}
