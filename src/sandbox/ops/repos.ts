import type { SandboxContext } from '../context.js';
import { GitHubError } from '../http/github-error.js';
import { ensureAccount } from '../state/store.js';
import type { Repo, Role } from '../state/types.js';

/** Replaces a repository's topics with GitHub's rules: lowercase, ≤ 50 characters, at most 20. */
export function setTopics(context: SandboxContext, repo: Repo, names: readonly string[]): void {
  const topics = [...new Set(names.map((name) => name.trim().toLowerCase()))];
  const invalid = topics.filter((topic) => !/^[a-z0-9][a-z0-9-]{0,49}$/.test(topic));
  if (invalid.length > 0) throw new GitHubError(422, `${invalid.join(', ')} ${invalid.length === 1 ? 'is not a valid topic' : 'are not valid topics'}. Topics must start with a lowercase letter or number, consist of 50 characters or less, and can include hyphens.`);
  if (topics.length > 20) throw new GitHubError(422, 'A repository cannot have more than 20 topics.');
  repo.topics = topics;
  repo.updatedAt = context.clock.iso();
}

/** Gives a person a role on a repository (or removes them with `null`). */
export function setRole(context: SandboxContext, repo: Repo, login: string, role: Role | null): void {
  const account = ensureAccount(context.store, login, 'User', context.clock.iso());
  if (role === null) repo.collaborators.delete(account.login.toLowerCase());
  else repo.collaborators.set(account.login.toLowerCase(), { account, role });
}
