import { findFileText } from '../../adapters/github/index.js';
import type { GitHubClient } from '../../adapters/github/index.js';
import { listMigrations, listRuns, setMigrationStatus, transitionRun } from '../../adapters/store/index.js';
import type { Migration } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import { closeAbortedPull } from './close-aborted-pull.js';

const finalStates = new Set(['merged', 'declined', 'skipped', 'not-affected']);
const openStates = new Set(['pr-open', 'ci-passed', 'ci-failed', 'held']);

/**
 * The latest earlier migration of this dataset whose change a push undid: the schema file at the
 * push is, byte for byte, what it was before that migration (what `git revert` produces).
 */
export async function findRevertedMigration(
  deps: WorkflowDeps,
  octokit: GitHubClient,
  input: { upstream: { owner: string; name: string }; dataset: string; schemaPath: string; afterSha: string },
): Promise<Migration | undefined> {
  const same = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();
  const earlier = (await listMigrations(deps.db))
    .filter((migration) => migration.dataset.name === input.dataset && same(migration.upstream.owner, input.upstream.owner) && same(migration.upstream.name, input.upstream.name))
    .filter((migration) => migration.afterSha !== input.afterSha && migration.status !== 'aborted');
  const latest = earlier.at(-1);
  if (latest === undefined) return undefined;
  const ref = { owner: input.upstream.owner, repo: input.upstream.name, path: input.schemaPath };
  const [before, now] = await Promise.all([findFileText(octokit, { ...ref, ref: latest.beforeSha }), findFileText(octokit, { ...ref, ref: input.afterSha })]);
  return before !== undefined && now !== undefined && before === now ? latest : undefined;
}

/**
 * An upstream revert ends the migration it undid: its open PRs are closed with a comment saying
 * so and their branches deleted, runs not yet patched are skipped. Merged PRs stay; the revert's
 * own migration (the inverse change set) gives those repositories a PR that follows it back.
 */
export async function supersedeRevertedMigration(deps: WorkflowDeps, reverted: Migration, by: { afterSha: string; migrationId: string }): Promise<{ closed: number }> {
  if (reverted.status === 'completed' || reverted.status === 'aborted') return { closed: 0 };
  const upstream = `${reverted.upstream.owner}/${reverted.upstream.name}`;
  const reason = `the upstream change was reverted in ${upstream}@${by.afterSha.slice(0, 7)}`;
  await setMigrationStatus(deps.db, { id: reverted.id, status: 'aborted', actor: deps.bot.login, reason, now: deps.now() });
  let closed = 0;
  for (const run of await listRuns(deps.db, { migrationId: reverted.id })) {
    if (finalStates.has(run.state)) continue;
    if (run.prNumber !== null && run.branch !== null && openStates.has(run.state)) {
      const access = await deps.github.forRepo(run.repo);
      const comment = `The schema change this PR follows was reverted in ${upstream} (${by.afterSha.slice(0, 7)}), so downstream closes it and deletes its branch. Nothing else changes in this repository.`;
      await closeAbortedPull(access.octokit, { owner: run.repo.owner, repo: run.repo.name, number: run.prNumber, branch: run.branch, upstream, actor: deps.bot.login, comment });
      closed += 1;
    }
    await transitionRun(deps.db, { migrationId: reverted.id, consumer: run.consumer, event: 'skipped', actor: deps.bot.login, reason, now: deps.now() });
  }
  await deps.queue.send('update-tracking-issue', { migrationId: reverted.id });
  return { closed };
}
