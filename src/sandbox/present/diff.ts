import type { DiffFile } from '../git/index.js';
import type { Repo } from '../state/types.js';
import type { Urls } from './urls.js';
import { repoApiUrl, repoWebUrl } from './urls.js';

/** `diff-entry`: one changed file of a pull request or comparison. */
export function presentDiffEntry(urls: Urls, repo: Repo, file: DiffFile, headSha: string) {
  const encoded = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${repoWebUrl(urls, repo)}/blob/${headSha}/${encoded}`,
    raw_url: `${repoWebUrl(urls, repo)}/raw/${headSha}/${encoded}`,
    contents_url: `${repoApiUrl(urls, repo)}/contents/${encoded}?ref=${headSha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
  };
}
