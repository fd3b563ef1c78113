import type { GitHubClient, RepoRef } from './github-client.js';
import { isNotFound } from './github-client.js';

export type RepoInfo = { defaultBranch: string; htmlUrl: string; cloneUrl: string; topics: string[]; archived: boolean; allowAutoMerge: boolean };

/** The repository's default branch, URLs, topics and archived flag. */
export async function readRepo(octokit: GitHubClient, ref: RepoRef): Promise<RepoInfo> {
  const { data } = await octokit.rest.repos.get(ref);
  return { defaultBranch: data.default_branch, htmlUrl: data.html_url, cloneUrl: data.clone_url, topics: data.topics ?? [], archived: data.archived, allowAutoMerge: data.allow_auto_merge ?? false };
}

/** A file's text at a ref, or `undefined` when the file (or the ref) does not exist. */
export async function findFileText(octokit: GitHubClient, ref: RepoRef & { path: string; ref: string }): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...ref, mediaType: { format: 'raw' } });
    // With the raw media type the API returns the file's bytes as the body.
    return typeof data === 'string' ? data : undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Paths changed between two commits (added, modified, renamed or removed). */
export async function listChangedFiles(octokit: GitHubClient, ref: RepoRef & { base: string; head: string }): Promise<string[]> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: ref.owner, repo: ref.repo, basehead: `${ref.base}...${ref.head}`, per_page: 300 });
  const paths = new Set<string>();
  for (const file of data.files ?? []) {
    paths.add(file.filename);
    if (file.previous_filename !== undefined) paths.add(file.previous_filename);
  }
  return [...paths];
}
