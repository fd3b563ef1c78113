import type { GitHubClient, RepoRef } from './github-client.js';
import { isNotFound } from './github-client.js';

/** A person's role on a repository as the permission API reports it. */
export type CollaboratorPermission = { roleName: string; permission: string };

/**
 * `GET /repos/{owner}/{repo}/collaborators/{username}/permission`: `role_name` (custom roles
 * included) and the legacy `permission`. A login GitHub does not know has no role.
 */
export async function readCollaboratorPermission(octokit: GitHubClient, ref: RepoRef & { username: string }): Promise<CollaboratorPermission> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: ref.owner, repo: ref.repo, username: ref.username });
    return { roleName: data.role_name, permission: data.permission };
  } catch (error) {
    if (isNotFound(error)) return { roleName: 'none', permission: 'none' };
    throw error;
  }
}
