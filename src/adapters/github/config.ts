import type { RepoConfig } from '../../config/index.js';
import { defaultRepoConfig, parseRepoConfig, repoConfigPath } from '../../config/index.js';
import type { GitHubClient, RepoRef } from './github-client.js';

/**
 * A repository's `.github/downstream.yml` with Probot's `context.config` semantics: `_extends`
 * is followed, and a repository without the file falls back to its owner's `.github` repository.
 */
export async function readRepoConfig(octokit: GitHubClient, ref: RepoRef & { branch?: string }): Promise<{ config: RepoConfig; found: boolean }> {
  const { config, files } = await octokit.config.get({ owner: ref.owner, repo: ref.repo, path: repoConfigPath, ...(ref.branch === undefined ? {} : { branch: ref.branch }) });
  const found = files.some((file) => file.config !== null);
  if (!found) return { config: defaultRepoConfig, found };
  return { config: parseRepoConfig(config, `${ref.owner}/${ref.repo}:${repoConfigPath}`), found };
}
