import type { RolloutPlan } from '../../core/rollout/index.js';
import type { Db } from './db.js';
import { parseMigrationRow } from './migration-row.js';
import type { Migration } from './migration-row.js';
import { recordEvent } from './record-event.js';

/** Stores a migration's rollout plan and the upstream installation, once planned. */
export async function setMigrationPlan(db: Db, input: { id: string; plan: RolloutPlan; installationId: number; now: Date }): Promise<Migration> {
  const { rows } = await db.query('UPDATE migrations SET plan = $2::jsonb, installation_id = $3, updated_at = $4 WHERE id = $1 RETURNING *', [input.id, JSON.stringify(input.plan), input.installationId, input.now]);
  return parseMigrationRow(rows[0]);
}

/**
 * Marks waves up to `wave` as started, only if they were not already (compare-and-set on
 * `started_waves`), so two workers evaluating the gate at once open a wave once. Clears a promote request.
 */
export async function startWave(db: Db, input: { id: string; wave: number; actor: string; reason: string; now: Date }): Promise<'started' | 'already-started'> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      'UPDATE migrations SET started_waves = $2, promote_requested = false, updated_at = $3 WHERE id = $1 AND started_waves < $2 RETURNING id',
      [input.id, input.wave + 1, input.now],
    );
    if (rows.length === 0) return 'already-started';
    await recordEvent(tx, { migrationId: input.id, kind: 'migration.wave-started', actor: input.actor, payload: { wave: input.wave, reason: input.reason }, now: input.now });
    return 'started';
  });
}

/** Records (or withdraws) a person's request to open the next wave now. */
export async function setPromoteRequested(db: Db, input: { id: string; requested: boolean; actor: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE migrations SET promote_requested = $2, updated_at = $3 WHERE id = $1', [input.id, input.requested, input.now]);
    await recordEvent(tx, { migrationId: input.id, kind: input.requested ? 'migration.promote-requested' : 'migration.promote-withdrawn', actor: input.actor, now: input.now });
  });
}

/** Remembers the tracking issue body last written (and its number), so an unchanged body is not sent again. */
export async function setTrackingIssueBody(db: Db, input: { id: string; issueNumber: number; body: string; now: Date }): Promise<void> {
  await db.query('UPDATE migrations SET tracking_issue = $2, tracking_body = $3, updated_at = $4 WHERE id = $1', [input.id, input.issueNumber, input.body, input.now]);
}
