import { databaseErrorCode } from './database-error-code.js';
import type { Db } from './db.js';
import { recordEvent } from './record-event.js';
import type { RepoRef } from './repo-ref.js';
import { parseRunRow } from './run-row.js';
import type { ConsumerTier, Run } from './run-row.js';
import { StoreError } from './store-error.js';

/** A consumer planned into a migration's rollout. */
export type EnsureRunInput = {
  migrationId: string;
  consumer: string;
  repo: RepoRef;
  tier: ConsumerTier;
  wave: number;
  actor: string;
  now: Date;
};

function samePlan(run: Run, input: EnsureRunInput): boolean {
  return run.tier === input.tier && run.wave === input.wave && run.repo.owner === input.repo.owner && run.repo.name === input.repo.name;
}

async function insertRun(tx: Db, input: EnsureRunInput): Promise<Run | undefined> {
  try {
    const { rows } = await tx.query(
      `INSERT INTO runs (migration_id, consumer, repo_owner, repo_name, tier, wave, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (migration_id, consumer) DO NOTHING RETURNING *`,
      [input.migrationId, input.consumer, input.repo.owner, input.repo.name, input.tier, input.wave, input.now],
    );
    return rows.length === 0 ? undefined : parseRunRow(rows[0]);
  } catch (error) {
    const code = databaseErrorCode(error);
    // 23503: no such migration; 22P02: not even a uuid.
    if (code === '23503' || code === '22P02') {
      throw new StoreError('migration-not-found', `no migration with id ${input.migrationId}`, { cause: error });
    }
    throw error;
  }
}

/**
 * Creates the run of a consumer in a migration (state `pending`), or returns the one already
 * there. A run that has not started yet follows a new plan (tier, wave, repository); one that
 * has started keeps the wave it ran in.
 */
export async function ensureRun(db: Db, input: EnsureRunInput): Promise<{ run: Run; created: boolean }> {
  return db.transaction(async (tx) => {
    const inserted = await insertRun(tx, input);
    if (inserted !== undefined) {
      await recordEvent(tx, {
        migrationId: input.migrationId,
        runId: inserted.id,
        kind: 'run.created',
        actor: input.actor,
        payload: { consumer: input.consumer, repo: `${input.repo.owner}/${input.repo.name}`, tier: input.tier, wave: input.wave },
        now: input.now,
      });
      return { run: inserted, created: true };
    }
    const { rows } = await tx.query('SELECT * FROM runs WHERE migration_id = $1 AND consumer = $2 FOR UPDATE', [
      input.migrationId,
      input.consumer,
    ]);
    const existing = parseRunRow(rows[0]);
    if (existing.state !== 'pending' || samePlan(existing, input)) return { run: existing, created: false };
    const updated = await tx.query(
      'UPDATE runs SET repo_owner = $2, repo_name = $3, tier = $4, wave = $5, updated_at = $6 WHERE id = $1 RETURNING *',
      [existing.id, input.repo.owner, input.repo.name, input.tier, input.wave, input.now],
    );
    await recordEvent(tx, {
      migrationId: input.migrationId,
      runId: existing.id,
      kind: 'run.replanned',
      actor: input.actor,
      payload: { from: { tier: existing.tier, wave: existing.wave }, to: { tier: input.tier, wave: input.wave } },
      now: input.now,
    });
    return { run: parseRunRow(updated.rows[0]), created: false };
  });
}
