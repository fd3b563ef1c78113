import type { App, Installation, Repo } from '../state/types.js';
import type { Urls } from './urls.js';
import { nodeId } from './urls.js';
import { presentUser } from './user.js';

/** `integration`: a GitHub App. */
export function presentApp(urls: Urls, app: App) {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('A', app.id),
    client_id: app.clientId,
    owner: presentUser(urls, app.owner),
    name: app.name,
    description: null,
    external_url: `${urls.web}/apps/${app.slug}`,
    html_url: `${urls.web}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: { ...app.permissions },
    events: [...app.events],
  };
}

/** `installation`. */
export function presentInstallation(urls: Urls, installation: Installation) {
  const account = installation.account;
  return {
    id: installation.id,
    client_id: installation.app.clientId,
    // The list endpoint's description requires the account to be a user *and* an enterprise
    // (`allOf`); the enterprise fields below are harmless extras that satisfy it.
    account: { ...presentUser(urls, account), name: account.name ?? account.login, slug: account.login, description: null, website_url: null, created_at: account.createdAt, updated_at: account.createdAt },
    repository_selection: installation.selection,
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/organizations/${installation.account.login}/settings/installations/${installation.id}`,
    app_id: installation.app.id,
    app_slug: installation.app.slug,
    target_id: installation.account.id,
    target_type: installation.account.type,
    permissions: { ...installation.app.permissions },
    events: [...installation.app.events],
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** The `installation` stanza of a webhook payload. */
export function presentSimpleInstallation(installation: Installation) {
  return { id: installation.id, node_id: nodeId('MDIz', installation.id) };
}

/** Whether the installation reaches a repository. */
export function installationCovers(installation: Installation, repo: Repo): boolean {
  if (repo.owner.id !== installation.account.id) return false;
  return installation.selection === 'all' || installation.repoIds.has(repo.id);
}
