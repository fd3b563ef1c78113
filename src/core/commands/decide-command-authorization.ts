import type { CommandName } from './command-catalogue.js';
import { commandSpec } from './command-catalogue.js';
import { decideRepoRole, hasRole } from './repo-role.js';
import type { RepoRole } from './repo-role.js';

/** Whether a person may run a command; a refusal names the role needed and the one they have. */
export type CommandAuthorization =
  | { kind: 'allowed'; role: RepoRole }
  | { kind: 'refused'; role: RepoRole; needed: RepoRole; roleName: string };

/**
 * Authorizes a command on the permission API's answer for the person on the repository where
 * they commented (`role_name`, falling back to the legacy `permission` for custom roles).
 */
export function decideCommandAuthorization(input: { command: CommandName; roleName: string; permission: string }): CommandAuthorization {
  const role = decideRepoRole(input);
  const needed = commandSpec(input.command).role;
  if (hasRole(role, needed)) return { kind: 'allowed', role };
  return { kind: 'refused', role, needed, roleName: input.roleName };
}
