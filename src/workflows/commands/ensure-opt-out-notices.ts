import { findMigration, listRuns } from '../../adapters/store/index.js';
import { prepareConsumer } from '../prepare-consumer.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import { ensureOptOutNotice } from './ensure-opt-out-notice.js';

/**
 * Gives every skipped run of a migration (or of one consumer in it) that is skipped because its
 * repository opts out — read afresh from every source, as just before a PR — its notice issue.
 * Runs skipped for other reasons (`/downstream skip`, an abort) get none. A notice GitHub refuses
 * now is logged, not retried: the skip it reports is already done.
 */
export async function ensureOptOutNotices(deps: WorkflowDeps, input: { migrationId: string; consumer?: string }): Promise<number> {
  const migration = await findMigration(deps.db, input.migrationId);
  if (migration === undefined) return 0;
  const runs = (await listRuns(deps.db, { migrationId: migration.id, states: ['skipped'] })).filter((run) => input.consumer === undefined || run.consumer === input.consumer);
  let opened = 0;
  for (const run of runs) {
    try {
      const prepared = await prepareConsumer(deps, migration, run);
      if (!('kind' in prepared) || prepared.kind !== 'opted-out') continue;
      const notice = await ensureOptOutNotice(deps, { migration, run, reason: prepared.reason, access: prepared.access, config: prepared.config });
      if (notice.kind === 'opened') opened += 1;
    } catch (error) {
      deps.logger.warn({ migration: migration.id, consumer: run.consumer, error: error instanceof Error ? error.message : String(error) }, 'could not open an opt-out notice');
    }
  }
  return opened;
}
