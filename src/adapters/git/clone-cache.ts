import { randomUUID } from 'node:crypto';
import { access, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { openGit, withGit } from './git-client.js';

/** A disposable working tree of one repository at one commit, made from the cached mirror. */
export type Workspace = { dir: string; baseSha: string; dispose(): Promise<void> };

export type CloneCache = {
  /** Fetches the repository into its cached mirror and checks `branch` out in a fresh working tree. */
  openWorkspace(input: { remoteUrl: string; owner: string; repo: string; branch: string; token?: string }): Promise<Workspace>;
};

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * One bare mirror per repository under `root`, fetched on reuse; each job gets its own worktree,
 * so two jobs on one repository never share a working directory. Fetches into one mirror are
 * serialised within the process; run one cache directory per worker process.
 */
export function createCloneCache(root: string): CloneCache {
  const locks = new Map<string, Promise<unknown>>();
  const serialise = async <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const previous = locks.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(run);
    locks.set(key, next);
    try {
      return await next;
    } finally {
      if (locks.get(key) === next) locks.delete(key);
    }
  };

  async function refreshMirror(mirror: string, remoteUrl: string, token: string | undefined): Promise<void> {
    if (!(await exists(path.join(mirror, 'HEAD')))) {
      await mkdir(mirror, { recursive: true });
      const git = openGit(mirror);
      await withGit('init', undefined, () => git.raw(['init', '--bare', '--quiet']));
      await withGit('remote add', undefined, () => git.raw(['remote', 'add', 'origin', remoteUrl]));
    } else {
      // The remote URL never holds credentials, so it can be refreshed safely each time.
      await withGit('remote set-url', undefined, () => openGit(mirror).raw(['remote', 'set-url', 'origin', remoteUrl]));
    }
    await withGit('fetch', token, () => openGit(mirror, token === undefined ? {} : { token }).raw(['fetch', '--prune', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*']));
  }

  return {
    async openWorkspace({ remoteUrl, owner, repo, branch, token }) {
      const mirror = path.join(root, 'mirrors', owner, `${repo}.git`);
      return serialise(mirror, async () => {
        await refreshMirror(mirror, remoteUrl, token);
        const git = openGit(mirror);
        const baseSha = (await withGit('rev-parse', undefined, () => git.raw(['rev-parse', '--verify', `refs/remotes/origin/${branch}^{commit}`]))).trim();
        const dir = path.join(root, 'work', `${owner}-${repo}-${randomUUID()}`);
        await mkdir(path.dirname(dir), { recursive: true });
        await withGit('worktree add', undefined, () => git.raw(['worktree', 'add', '--detach', '--quiet', dir, baseSha]));
        return {
          dir,
          baseSha,
          async dispose() {
            await serialise(mirror, async () => {
              await rm(dir, { recursive: true, force: true });
              await withGit('worktree prune', undefined, () => openGit(mirror).raw(['worktree', 'prune']));
            });
          },
        };
      });
    },
  };
}
