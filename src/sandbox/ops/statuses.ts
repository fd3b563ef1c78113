import type { SandboxContext } from '../context.js';
import { emitRepoEvent } from '../events/emit.js';
import { readCommits, readRefs } from '../git/index.js';
import { presentCommit } from '../present/commit.js';
import type { Account, CommitStatus, Repo, StatusState } from '../state/types.js';
import { scheduleAutoMerge } from './auto-merge.js';
import { accountByEmail } from './lookup.js';

export type StatusInput = { state: StatusState; context: string; description: string | null; targetUrl: string | null; creator: Account };

/** Records a commit status and sends the `status` webhook (with the commit and the branches at it). */
export async function createStatus(context: SandboxContext, repo: Repo, sha: string, input: StatusInput): Promise<CommitStatus> {
  const status: CommitStatus = {
    id: context.store.nextId(),
    repoId: repo.id,
    sha,
    state: input.state,
    context: input.context,
    description: input.description,
    targetUrl: input.targetUrl,
    creator: input.creator,
    createdAt: context.clock.iso(),
  };
  context.store.statuses.push(status);
  const urls = context.urls();
  const [commit] = await readCommits(repo.gitDir, [sha]);
  const refs = await readRefs(repo.gitDir);
  const branches = [...refs]
    .filter(([ref, target]) => ref.startsWith('refs/heads/') && target === sha)
    .map(([ref]) => ({ name: ref.slice('refs/heads/'.length), commit: { sha, url: `${urls.api}/repos/${repo.owner.login}/${repo.name}/commits/${sha}` }, protected: false }));
  if (commit !== undefined) {
    const presented = presentCommit(urls, repo, commit, accountByEmail(context.store));
    emitRepoEvent(context, repo, 'status', undefined, input.creator, {
      id: status.id,
      sha,
      name: `${repo.owner.login}/${repo.name}`,
      target_url: status.targetUrl,
      avatar_url: `${urls.web}/avatars/u/${input.creator.id}?v=4`,
      context: status.context,
      description: status.description,
      state: status.state,
      commit: { ...presented, author: 'login' in presented.author ? presented.author : null, committer: 'login' in presented.committer ? presented.committer : null },
      branches,
      created_at: status.createdAt,
      updated_at: status.createdAt,
    });
  }
  if (status.state !== 'pending') scheduleAutoMerge(context, repo, sha);
  return status;
}
