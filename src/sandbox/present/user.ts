import type { Account, Role } from '../state/types.js';
import type { Urls } from './urls.js';
import { nodeId } from './urls.js';

/** `simple-user`: how GitHub shows any account (a person, a bot, an organization as an owner). */
export function presentUser(urls: Urls, account: Account) {
  const api = `${urls.api}/users/${encodeURIComponent(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === 'Organization' ? 'O' : account.type === 'Bot' ? 'BOT' : 'U', account.id),
    avatar_url: `${urls.web}/avatars/u/${account.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${account.type === 'Bot' ? `apps/${account.login.replace(/\[bot\]$/, '')}` : account.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function presentNullableUser(urls: Urls, account: Account | null | undefined) {
  return account === null || account === undefined ? null : presentUser(urls, account);
}

/** The legacy `permission` GitHub reports beside `role_name` (maintain reads as write, triage as read). */
export function legacyPermission(role: Role | undefined): 'admin' | 'write' | 'read' | 'none' {
  if (role === undefined) return 'none';
  if (role === 'admin') return 'admin';
  if (role === 'maintain' || role === 'write') return 'write';
  return 'read';
}

/** `collaborator`: a user with their role on one repository. */
export function presentCollaborator(urls: Urls, account: Account, role: Role | undefined) {
  return {
    ...presentUser(urls, account),
    permissions: {
      admin: role === 'admin',
      maintain: role === 'admin' || role === 'maintain',
      push: role === 'admin' || role === 'maintain' || role === 'write',
      triage: role !== undefined && role !== 'read',
      pull: role !== undefined,
    },
    role_name: role ?? 'none',
  };
}

/** `organization-simple`, as webhook payloads carry it. */
export function presentOrganization(urls: Urls, account: Account) {
  const api = `${urls.api}/orgs/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId('O', account.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${urls.web}/avatars/u/${account.id}?v=4`,
    description: null,
  };
}
