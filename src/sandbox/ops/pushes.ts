import type { SandboxContext } from '../context.js';
import { emitRepoEvent } from '../events/emit.js';
import type { CommitInfo } from '../git/index.js';
import { diffCommits, isAncestor, listCommitsBetween, readCommits } from '../git/index.js';
import { presentPushCommit } from '../present/commit.js';
import { presentPushRepository } from '../present/repository.js';
import type { Account, Repo } from '../state/types.js';
import { findBranchSha, listPulls, noreplyEmail } from './lookup.js';
import { refreshMergeable } from './mergeability.js';
import { emitPullEvent } from './pull-events.js';

/** A ref that moved: `before`/`after` are the zero sha when it was created/deleted. */
export type RefUpdate = { ref: string; before: string; after: string };

export const zeroSha = '0000000000000000000000000000000000000000';

// GitHub lists at most 20 commits in a push payload.
const maxPushCommits = 20;

async function pushCommits(repo: Repo, update: RefUpdate): Promise<CommitInfo[]> {
  if (update.after === zeroSha) return [];
  if (update.before !== zeroSha) return readCommits(repo.gitDir, (await listCommitsBetween(repo.gitDir, update.before, update.after)).slice(-maxPushCommits));
  // A new branch lists the commits that are on no branch of the default line yet.
  const defaultTip = `refs/heads/${repo.defaultBranch}`;
  const shas = update.ref === defaultTip ? [update.after] : await listCommitsBetween(repo.gitDir, defaultTip, update.after).catch(() => [update.after]);
  return readCommits(repo.gitDir, shas.slice(-maxPushCommits));
}

async function filesOf(repo: Repo, commit: CommitInfo) {
  const parent = commit.parents[0] ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
  const files = await diffCommits(repo.gitDir, parent, commit.sha);
  return {
    added: files.filter((file) => file.status === 'added').map((file) => file.filename),
    removed: files.filter((file) => file.status === 'removed').map((file) => file.filename),
    modified: files.filter((file) => file.status !== 'added' && file.status !== 'removed').map((file) => file.filename),
  };
}

async function emitPush(context: SandboxContext, repo: Repo, update: RefUpdate, pusher: Account): Promise<void> {
  const urls = context.urls();
  const commits = await pushCommits(repo, update);
  const presented = await Promise.all(commits.map(async (commit) => presentPushCommit(urls, repo, commit, await filesOf(repo, commit), true)));
  const forced = update.before !== zeroSha && update.after !== zeroSha && !(await isAncestor(repo.gitDir, update.before, update.after));
  const headCommit = update.after === zeroSha ? null : (presented.at(-1) ?? null);
  emitRepoEvent(context, repo, 'push', undefined, pusher, {
    ref: update.ref,
    before: update.before,
    after: update.after,
    repository: presentPushRepository(urls, repo),
    pusher: { name: pusher.login, email: pusher.email ?? noreplyEmail(pusher) },
    created: update.before === zeroSha,
    deleted: update.after === zeroSha,
    forced,
    base_ref: null,
    compare: `${urls.web}/${repo.owner.login}/${repo.name}/compare/${update.before.slice(0, 12)}...${update.after.slice(0, 12)}`,
    commits: presented,
    head_commit: headCommit,
  });
}

async function followHead(context: SandboxContext, repo: Repo, branch: string, update: RefUpdate, pusher: Account): Promise<void> {
  for (const issue of listPulls(repo)) {
    if (issue.state !== 'open' || issue.pull.headRef !== branch || update.after === zeroSha || issue.pull.headSha === update.after) continue;
    const before = issue.pull.headSha;
    issue.pull.headSha = update.after;
    issue.pull.baseSha = (await findBranchSha(repo, issue.pull.baseRef)) ?? issue.pull.baseSha;
    issue.updatedAt = context.clock.iso();
    refreshMergeable(context, repo, issue);
    await emitPullEvent(context, repo, issue, 'synchronize', pusher, { before, after: update.after });
    context.ci.headChanged(repo, update.after, branch);
  }
}

/** A push to a base branch that already contains a pull request's head merges it, as on GitHub. */
async function followBase(context: SandboxContext, repo: Repo, branch: string, update: RefUpdate, pusher: Account): Promise<void> {
  for (const issue of listPulls(repo)) {
    if (issue.state !== 'open' || issue.pull.baseRef !== branch || update.after === zeroSha) continue;
    if (await isAncestor(repo.gitDir, issue.pull.headSha, update.after)) {
      const now = context.clock.iso();
      Object.assign(issue.pull, { merged: true, mergedAt: now, mergedBy: pusher, mergeCommitSha: update.after, baseSha: update.after });
      Object.assign(issue, { state: 'closed', closedAt: now, closedBy: pusher, updatedAt: now });
      await emitPullEvent(context, repo, issue, 'closed', pusher);
      continue;
    }
    refreshMergeable(context, repo, issue);
  }
}

/**
 * What GitHub does after refs move (a git push, a merge, the refs or contents API): a `push`
 * webhook per ref, `pull_request.synchronize` and CI for pull requests whose head moved, fresh
 * mergeability for those whose base moved.
 */
export async function applyRefUpdates(context: SandboxContext, repo: Repo, updates: readonly RefUpdate[], pusher: Account): Promise<void> {
  if (updates.length === 0) return;
  repo.pushedAt = context.clock.iso();
  for (const update of updates) {
    await emitPush(context, repo, update, pusher);
    const branch = update.ref.startsWith('refs/heads/') ? update.ref.slice('refs/heads/'.length) : undefined;
    if (branch === undefined) continue;
    await followHead(context, repo, branch, update, pusher);
    await followBase(context, repo, branch, update, pusher);
  }
}
