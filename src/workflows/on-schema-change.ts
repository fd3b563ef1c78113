import type { RolloutPolicy } from '../core/rollout/index.js';
import { invertChangeSet, needsConsumerWork } from '../core/schema/index.js';
import type { GitHubClient } from '../adapters/github/index.js';
import type { JobData } from '../adapters/queue/index.js';
import { ensureMigration, listMigrations, recordEvent, setMigrationStatus } from '../adapters/store/index.js';
import { findRevertedMigration, listOpenRunsIn, planCampaign, rebaseConflictingPulls, supersedeRevertedMigration } from './rollout/index.js';
import { readUpstreamChanges } from './read-upstream-changes.js';
import type { UpstreamChange } from './read-upstream-changes.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** What one schema-change job did, for logs and tests. */
export type SchemaChangeOutcome = { migrations: { id: string; dataset: string; consumers: number; created: boolean }[]; problems: string[] };

async function startMigration(deps: WorkflowDeps, octokit: GitHubClient, job: JobData<'schema-change'>, change: UpstreamChange, policy: RolloutPolicy): Promise<SchemaChangeOutcome['migrations'][number]> {
  const log = deps.logger.child({ dataset: change.declaration.name, upstream: `${job.upstream.owner}/${job.upstream.name}` });
  const dataset = await deps.catalog.findDataset(change.declaration.name);
  // The catalog's physical name wins over what the schema file calls itself; the producer's declaration over both.
  const physicalName = change.declaration.physicalName ?? dataset?.physicalName ?? change.changeSet.dataset.physicalName;
  const datasetRef = { name: change.declaration.name, ...(physicalName === undefined ? {} : { physicalName }) };
  // An upstream revert migrates consumers back along the exact inverse of what they followed
  // (a plain diff would see a removal and an addition where the rename hint was reverted away).
  const reverted = await findRevertedMigration(deps, octokit, { upstream: job.upstream, dataset: change.declaration.name, schemaPath: change.declaration.schema, afterSha: job.afterSha });
  const inverse = reverted === undefined ? undefined : invertChangeSet(reverted.changeSet);
  const changeSet = { ...(inverse ?? change.changeSet), dataset: datasetRef };
  const { migration, created } = await ensureMigration(deps.db, { upstream: job.upstream, beforeSha: job.beforeSha, afterSha: job.afterSha, changeSet, fieldNames: change.fieldNames, actor: deps.bot.login, now: deps.now() });
  if (dataset === undefined) {
    log.warn({ migration: migration.id }, 'dataset not found in the catalog');
    if (created) {
      await setMigrationStatus(deps.db, { id: migration.id, status: 'completed', actor: deps.bot.login, reason: `no dataset named ${change.declaration.name} in the catalog`, now: deps.now() });
    }
    return { id: migration.id, dataset: change.declaration.name, consumers: 0, created };
  }
  if (reverted !== undefined && created) {
    const { closed } = await supersedeRevertedMigration(deps, reverted, { afterSha: job.afterSha, migrationId: migration.id });
    log.info({ migration: migration.id, reverted: reverted.id, closed, inverted: inverse !== undefined }, 'upstream reverted an earlier migration');
  }
  const { consumers, unresolvable } = await deps.catalog.consumersOf(dataset);
  if (created) {
    for (const consumer of unresolvable) {
      // Never dropped silently: a component we cannot reach is on record for the dashboard and the producer.
      await recordEvent(deps.db, { migrationId: migration.id, kind: 'catalog.unresolvable', actor: deps.bot.login, payload: { consumer: consumer.entityRef, reason: consumer.reason }, now: deps.now() });
    }
  }
  const plan = await planCampaign(deps, { migration, consumers, policy, installationId: job.installationId });
  if (plan.reason !== undefined) log.info({ migration: migration.id, reason: plan.reason }, 'migration planned without waves');
  // The gate opens wave 0 (canaries) at once, and every later wave when the one before proves the patch.
  await deps.queue.send('evaluate-gate', { migrationId: migration.id });
  log.info({ migration: migration.id, consumers: consumers.length, unresolvable: unresolvable.length, created }, 'migration planned');
  return { id: migration.id, dataset: change.declaration.name, consumers: consumers.length, created };
}

/**
 * The schema-change job (DESIGN §1): diff every declared schema a push to the default branch
 * changed, and plan a migration of its consumers. Safe to run twice for one push: the migration,
 * its runs and their jobs are all keyed, so a redelivered webhook opens nothing new.
 */
export async function onSchemaChange(deps: WorkflowDeps, job: JobData<'schema-change'>): Promise<SchemaChangeOutcome> {
  const upstream = await deps.github.forInstallation(job.installationId);
  const { changes, problems, policy } = await readUpstreamChanges(upstream.octokit, { owner: job.upstream.owner, name: job.upstream.name, beforeSha: job.beforeSha, afterSha: job.afterSha });
  const outcome: SchemaChangeOutcome = { migrations: [], problems: problems.map((problem) => problem.message) };
  for (const problem of problems) deps.logger.warn({ upstream: job.upstream, dataset: problem.dataset, problem: problem.message }, 'schema could not be diffed');
  for (const change of changes) {
    if (!needsConsumerWork(change.changeSet)) {
      deps.logger.info({ dataset: change.declaration.name, changes: change.changeSet.changes.length }, 'schema change needs no consumer work');
      continue;
    }
    outcome.migrations.push(await startMigration(deps, upstream.octokit, job, change, policy));
  }
  // The default branch moved: bot PRs in this repository that now conflict get rebased, and only those.
  const active = (await listMigrations(deps.db, { statuses: ['active'] })).map((migration) => migration.id);
  await rebaseConflictingPulls(deps, job.upstream, await listOpenRunsIn(deps, job.upstream, active));
  return outcome;
}
