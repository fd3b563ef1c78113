/** A person's role on a repository, on GitHub's ladder; `none` for someone with no access. */
export type RepoRole = 'none' | 'read' | 'triage' | 'write' | 'maintain' | 'admin';

/** The ladder, lowest first: each role can do everything the roles before it can. */
export const repoRoles = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const satisfies readonly RepoRole[];

function isRepoRole(name: string): name is RepoRole {
  return (repoRoles as readonly string[]).includes(name);
}

// The legacy `permission` field folds maintain into write and triage into read.
const legacyRoles: Readonly<Record<string, RepoRole>> = { admin: 'admin', write: 'write', read: 'read', none: 'none' };

/**
 * A person's place on the ladder from the permission API: `role_name` when it is a built-in role;
 * a custom role (an organization's own name) counts as its legacy `permission`, which is the
 * built-in role it was based on as far as GitHub reports it.
 */
export function decideRepoRole(input: { roleName: string; permission: string }): RepoRole {
  const name = input.roleName.trim().toLowerCase();
  if (isRepoRole(name)) return name;
  return legacyRoles[input.permission.trim().toLowerCase()] ?? 'none';
}

/** Whether `role` is `needed` or above. */
export function hasRole(role: RepoRole, needed: RepoRole): boolean {
  return repoRoles.indexOf(role) >= repoRoles.indexOf(needed);
}
