import type { SandboxContext } from '../context.js';
import { emitRepoEvent } from '../events/emit.js';
import type { PullIssue } from '../present/pull.js';
import { presentPull } from '../present/pull.js';
import type { Account, Repo } from '../state/types.js';
import { countComments } from './lookup.js';
import { decideMergeableState } from './mergeability.js';
import { readPullStats } from './pull-stats.js';

/** The full pull request object (what `pulls/get` returns and `pull_request` payloads carry). */
export async function renderFullPull(context: SandboxContext, repo: Repo, issue: PullIssue, urls = context.urls()) {
  const stats = await readPullStats(context, repo, issue);
  return presentPull(urls, repo, issue, {
    stats,
    commentCount: countComments(context.store, repo, issue.number),
    mergeableState: decideMergeableState(context, repo, issue),
  });
}

/** Queues a `pull_request` webhook built from the pull request's current state. */
export async function emitPullEvent(context: SandboxContext, repo: Repo, issue: PullIssue, action: string, sender: Account, extra: Record<string, unknown> = {}): Promise<void> {
  const pullRequest = await renderFullPull(context, repo, issue);
  emitRepoEvent(context, repo, 'pull_request', action, sender, { number: issue.number, pull_request: pullRequest, ...extra });
}
