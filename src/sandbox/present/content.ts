import type { TreeEntry } from '../git/index.js';
import type { Repo } from '../state/types.js';
import type { Urls } from './urls.js';
import { repoApiUrl, repoWebUrl } from './urls.js';

function entryType(entry: TreeEntry): 'file' | 'dir' | 'submodule' | 'symlink' {
  if (entry.type === 'tree') return 'dir';
  if (entry.type === 'commit') return 'submodule';
  return entry.mode === '120000' ? 'symlink' : 'file';
}

/** One entry of the contents API (a directory listing item, or a file without its content). */
export function presentContentEntry(urls: Urls, repo: Repo, entry: TreeEntry, ref: string) {
  const api = repoApiUrl(urls, repo);
  const type = entryType(entry);
  const self = `${api}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
  const git = `${api}/git/${type === 'dir' ? 'trees' : 'blobs'}/${entry.sha}`;
  const html = `${repoWebUrl(urls, repo)}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${entry.path}`;
  return {
    type,
    name: entry.path.split('/').pop() ?? entry.path,
    path: entry.path,
    sha: entry.sha,
    size: entry.size,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === 'file' ? `${repoWebUrl(urls, repo)}/raw/${ref}/${entry.path}` : null,
    _links: { self, git, html },
  };
}

/** `content-file`: a file with its bytes in base64, wrapped at 60 columns as GitHub does. */
export function presentContentFile(urls: Urls, repo: Repo, entry: TreeEntry, ref: string, content: Buffer) {
  const base64 = content.toString('base64').replace(/.{60}/g, '$&\n');
  return { ...presentContentEntry(urls, repo, entry, ref), type: 'file' as const, size: content.length, content: base64.endsWith('\n') ? base64 : `${base64}\n`, encoding: 'base64' };
}
