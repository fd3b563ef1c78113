import { findOptOutNoticeMarker } from '../../core/render/index.js';
import { findTrackingIssueMarker } from '../../core/rollout/index.js';
import { readIssue } from '../../adapters/github/index.js';
import type { GitHubClient } from '../../adapters/github/index.js';
import { findMigration, findRun, findRunByPr } from '../../adapters/store/index.js';
import type { Migration, RepoRef, Run } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/** What a comment was posted on: one of our PRs, a tracking issue, or an opt-out notice. */
export type CommandTarget =
  | { place: 'pull'; migration: Migration; run: Run & { prNumber: number } }
  | { place: 'tracking'; migration: Migration }
  | { place: 'notice'; migration: Migration; run: Run };

/** Where a comment was posted, as the webhook says it. */
export type CommentLocation = { repo: RepoRef; issueNumber: number; isPull: boolean };

function sameRepo(left: RepoRef, right: RepoRef): boolean {
  return left.owner.toLowerCase() === right.owner.toLowerCase() && left.name.toLowerCase() === right.name.toLowerCase();
}

async function findPullTarget(deps: WorkflowDeps, location: CommentLocation): Promise<CommandTarget | undefined> {
  const run = await findRunByPr(deps.db, { repo: location.repo, prNumber: location.issueNumber });
  if (run === undefined || run.prNumber === null) return undefined;
  const migration = await findMigration(deps.db, run.migrationId);
  return migration === undefined ? undefined : { place: 'pull', migration, run: { ...run, prNumber: run.prNumber } };
}

/**
 * The PR or issue a command was posted on, when downstream opened it: a PR is ours when a run
 * records it; an issue when the bot wrote it and its hidden marker names a migration that points
 * back at this very issue (tracking) or repository (notice). Anything else is not ours to answer.
 */
export async function findCommandTarget(deps: WorkflowDeps, octokit: GitHubClient, location: CommentLocation): Promise<CommandTarget | undefined> {
  if (location.isPull) return findPullTarget(deps, location);
  const issue = await readIssue(octokit, { owner: location.repo.owner, repo: location.repo.name, number: location.issueNumber });
  if (issue.author.toLowerCase() !== deps.bot.login.toLowerCase()) return undefined;
  const tracking = findTrackingIssueMarker(issue.body);
  if (tracking !== undefined) {
    const migration = await findMigration(deps.db, tracking.migration);
    if (migration === undefined || !sameRepo(migration.upstream, location.repo) || migration.trackingIssue !== location.issueNumber) return undefined;
    return { place: 'tracking', migration };
  }
  const notice = findOptOutNoticeMarker(issue.body);
  if (notice === undefined) return undefined;
  const [migration, run] = await Promise.all([findMigration(deps.db, notice.migration), findRun(deps.db, { migrationId: notice.migration, consumer: notice.consumer })]);
  if (migration === undefined || run === undefined || !sameRepo(run.repo, location.repo)) return undefined;
  return { place: 'notice', migration, run };
}

/** Reads the target again, so each command of a comment sees what the ones before it did. */
export async function refreshCommandTarget(deps: WorkflowDeps, target: CommandTarget): Promise<CommandTarget> {
  const migration = (await findMigration(deps.db, target.migration.id)) ?? target.migration;
  if (target.place === 'tracking') return { place: 'tracking', migration };
  const run = (await findRun(deps.db, { migrationId: target.run.migrationId, consumer: target.run.consumer })) ?? target.run;
  if (target.place === 'notice') return { place: 'notice', migration, run };
  return { place: 'pull', migration, run: { ...run, prNumber: run.prNumber ?? target.run.prNumber } };
}

