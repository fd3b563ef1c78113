import type { SandboxContext } from '../context.js';
import { isAncestor, mergeTrees, readCommits, writeCommit, writeRef } from '../git/index.js';
import { GitHubError, validationFailed } from '../http/github-error.js';
import type { PullIssue } from '../present/pull.js';
import { presentUser } from '../present/user.js';
import type { Account, Repo } from '../state/types.js';
import { personFor } from './commit-files.js';
import { findBranchSha, listPulls } from './lookup.js';
import { refreshMergeable } from './mergeability.js';
import { emitPullEvent } from './pull-events.js';
import { applyRefUpdates } from './pushes.js';

export type CreatePullInput = { head: string; base: string; title: string; body: string | null; draft: boolean; maintainerCanModify: boolean; author: Account };

/** `owner:branch` or `branch` → the branch, when it names this repository's owner. */
function headBranchOf(repo: Repo, head: string): string | undefined {
  const colon = head.indexOf(':');
  if (colon < 0) return head;
  return head.slice(0, colon).toLowerCase() === repo.owner.login.toLowerCase() ? head.slice(colon + 1) : undefined;
}

/** Opens a pull request with GitHub's checks: both branches exist, no duplicate, commits to merge. */
export async function createPull(context: SandboxContext, repo: Repo, input: CreatePullInput): Promise<PullIssue> {
  const branch = headBranchOf(repo, input.head);
  const headSha = branch === undefined ? undefined : await findBranchSha(repo, branch);
  const baseSha = await findBranchSha(repo, input.base);
  if (branch === undefined || headSha === undefined) throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  if (baseSha === undefined) throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
  const duplicate = listPulls(repo).some((issue) => issue.state === 'open' && issue.pull.headRef === branch && issue.pull.baseRef === input.base);
  if (duplicate) {
    throw validationFailed([{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner.login}:${branch}.` }]);
  }
  if (await isAncestor(repo.gitDir, headSha, baseSha)) {
    throw validationFailed([{ resource: 'PullRequest', code: 'custom', message: `No commits between ${input.base} and ${branch}` }]);
  }
  const now = context.clock.iso();
  const issue: PullIssue = {
    id: context.store.nextId(),
    repoId: repo.id,
    number: repo.nextNumber,
    title: input.title,
    body: input.body,
    state: 'open',
    stateReason: null,
    user: input.author,
    labels: [],
    assignees: [],
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    reactions: [],
    pull: {
      id: context.store.nextId(),
      headRef: branch,
      headSha,
      baseRef: input.base,
      baseSha,
      draft: input.draft,
      maintainerCanModify: input.maintainerCanModify,
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      requestedReviewers: [],
      mergeable: null,
      mergeableKey: null,
      autoMerge: null,
    },
  };
  repo.nextNumber += 1;
  repo.issues.set(issue.number, issue);
  refreshMergeable(context, repo, issue);
  await emitPullEvent(context, repo, issue, 'opened', input.author);
  context.ci.headChanged(repo, headSha, branch);
  return issue;
}

export type UpdatePullInput = { title?: string; body?: string | null; state?: 'open' | 'closed'; base?: string; maintainerCanModify?: boolean; actor: Account };

/** Edits, closes or reopens a pull request, with the webhooks GitHub sends for each change. */
export async function updatePull(context: SandboxContext, repo: Repo, issue: PullIssue, input: UpdatePullInput): Promise<void> {
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined && input.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = input.title;
  }
  if (input.body !== undefined && input.body !== issue.body) {
    changes.body = { from: issue.body ?? '' };
    issue.body = input.body;
  }
  if (input.base !== undefined && input.base !== issue.pull.baseRef) {
    const baseSha = await findBranchSha(repo, input.base);
    if (baseSha === undefined) throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    changes.base = { ref: { from: issue.pull.baseRef }, sha: { from: issue.pull.baseSha } };
    issue.pull.baseRef = input.base;
    issue.pull.baseSha = baseSha;
    refreshMergeable(context, repo, issue);
  }
  if (input.maintainerCanModify !== undefined) issue.pull.maintainerCanModify = input.maintainerCanModify;
  const now = context.clock.iso();
  if (Object.keys(changes).length > 0) {
    issue.updatedAt = now;
    await emitPullEvent(context, repo, issue, 'edited', input.actor, { changes });
  }
  if (input.state === 'closed' && issue.state === 'open') {
    Object.assign(issue, { state: 'closed', closedAt: now, closedBy: input.actor, updatedAt: now });
    await emitPullEvent(context, repo, issue, 'closed', input.actor);
  } else if (input.state === 'open' && issue.state === 'closed') {
    if (issue.pull.merged) throw validationFailed([{ resource: 'PullRequest', code: 'custom', message: 'state cannot be changed. The pull request has been merged.' }]);
    const headSha = await findBranchSha(repo, issue.pull.headRef);
    if (headSha === undefined) throw validationFailed([{ resource: 'PullRequest', code: 'custom', message: 'state cannot be changed. The head branch was deleted.' }]);
    Object.assign(issue, { state: 'open', closedAt: null, closedBy: null, updatedAt: now });
    issue.pull.headSha = headSha;
    refreshMergeable(context, repo, issue);
    await emitPullEvent(context, repo, issue, 'reopened', input.actor);
    context.ci.headChanged(repo, headSha, issue.pull.headRef);
  }
}

export type MergeMethod = 'merge' | 'squash' | 'rebase';
export type MergePullInput = { method: MergeMethod; sha?: string; commitTitle?: string; commitMessage?: string; actor: Account };

/** Merges a pull request as GitHub's merge button does; refuses what GitHub refuses (405, 409). */
export async function mergePull(context: SandboxContext, repo: Repo, issue: PullIssue, input: MergePullInput): Promise<string> {
  return context.repoLock.run(String(repo.id), async () => {
    const pull = issue.pull;
    if (issue.state !== 'open') throw new GitHubError(405, 'Pull Request is not mergeable');
    if (input.method === 'rebase') throw new GitHubError(405, 'Rebase merges are not allowed on this repository.');
    if (input.sha !== undefined && input.sha !== pull.headSha) throw new GitHubError(409, 'Head branch was modified. Review and try the merge again.');
    const baseTip = await findBranchSha(repo, pull.baseRef);
    if (baseTip === undefined) throw new GitHubError(405, 'Pull Request is not mergeable');
    const merged = await mergeTrees(repo.gitDir, baseTip, pull.headSha);
    if (merged.kind === 'conflict') {
      pull.mergeable = false;
      throw new GitHubError(405, 'Pull Request is not mergeable');
    }
    const now = context.clock.iso();
    const person = personFor(input.actor, now);
    const squash = input.method === 'squash';
    const title = input.commitTitle ?? (squash ? `${issue.title} (#${issue.number})` : `Merge pull request #${issue.number} from ${repo.owner.login}/${pull.headRef}`);
    const squashed = squash ? (await readCommits(repo.gitDir, [pull.headSha]))[0]?.message : undefined;
    const message = `${title}\n\n${input.commitMessage ?? (squash ? (squashed ?? '') : issue.title)}`.trimEnd();
    const sha = await writeCommit(repo.gitDir, { tree: merged.tree, parents: squash ? [baseTip] : [baseTip, pull.headSha], message, author: person, committer: person });
    await writeRef(repo.gitDir, `refs/heads/${pull.baseRef}`, sha, baseTip);
    Object.assign(pull, { merged: true, mergedAt: now, mergedBy: input.actor, mergeCommitSha: sha, baseSha: baseTip, mergeable: null, mergeableKey: null });
    Object.assign(issue, { state: 'closed', closedAt: now, closedBy: input.actor, updatedAt: now });
    await applyRefUpdates(context, repo, [{ ref: `refs/heads/${pull.baseRef}`, before: baseTip, after: sha }], input.actor);
    await emitPullEvent(context, repo, issue, 'closed', input.actor);
    return sha;
  });
}

/** GitHub's refusal to request a review from someone without access to the repository. */
export function notCollaborators(repo: Repo): GitHubError {
  return new GitHubError(422, `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner.login}/${repo.name} repository.`);
}

/** Requests reviews; GitHub accepts only collaborators (and the owner) as reviewers. */
export async function requestReviewers(context: SandboxContext, repo: Repo, issue: PullIssue, reviewers: readonly Account[], actor: Account): Promise<void> {
  const outsiders = reviewers.filter((account) => account.id !== repo.owner.id && !repo.collaborators.has(account.login.toLowerCase()));
  if (outsiders.length > 0) throw notCollaborators(repo);
  for (const reviewer of reviewers) {
    if (issue.pull.requestedReviewers.some((account) => account.id === reviewer.id)) continue;
    issue.pull.requestedReviewers.push(reviewer);
    issue.updatedAt = context.clock.iso();
    await emitPullEvent(context, repo, issue, 'review_requested', actor, { requested_reviewer: presentUser(context.urls(), reviewer) });
  }
}
