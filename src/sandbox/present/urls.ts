import type { Account, Repo } from '../state/types.js';

/** Where links in responses point: the REST base (with `/api/v3` when the client used it) and the web root. */
export type Urls = { api: string; web: string };

export function repoApiUrl(urls: Urls, repo: Repo): string {
  return `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
}

export function repoWebUrl(urls: Urls, repo: Repo): string {
  return `${urls.web}/${repo.owner.login}/${repo.name}`;
}

export function userApiUrl(urls: Urls, account: Account): string {
  return `${urls.api}/${account.type === 'Organization' ? 'orgs' : 'users'}/${account.login}`;
}

/** GitHub-style global node ids: a type prefix and an opaque id (decodable, so GraphQL can find objects). */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`sandbox:${id}`).toString('base64url')}`;
}

/** The numeric id inside a node id made by `nodeId`, or undefined. */
export function findIdInNodeId(value: string): number | undefined {
  const underscore = value.indexOf('_');
  if (underscore < 0) return undefined;
  const decoded = Buffer.from(value.slice(underscore + 1), 'base64url').toString('utf8');
  const match = /^sandbox:(\d+)$/.exec(decoded);
  return match === null ? undefined : Number(match[1]);
}
