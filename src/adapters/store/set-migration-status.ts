import type { Db } from './db.js';
import { isUuid } from './is-uuid.js';
import { parseMigrationRow } from './migration-row.js';
import type { Migration, MigrationStatus } from './migration-row.js';
import { recordEvent } from './record-event.js';
import { StoreError } from './store-error.js';

async function lockMigration(tx: Db, id: string): Promise<Migration> {
  const { rows } = isUuid(id) ? await tx.query('SELECT * FROM migrations WHERE id = $1 FOR UPDATE', [id]) : { rows: [] };
  if (rows.length === 0) throw new StoreError('migration-not-found', `no migration with id ${id}`);
  return parseMigrationRow(rows[0]);
}

/** Moves a migration to a status (pause, resume, halt, complete, abort), logging who and why. */
export async function setMigrationStatus(
  db: Db,
  input: { id: string; status: MigrationStatus; actor: string; reason?: string; now: Date },
): Promise<Migration> {
  return db.transaction(async (tx) => {
    const current = await lockMigration(tx, input.id);
    if (current.status === input.status) return current;
    const { rows } = await tx.query('UPDATE migrations SET status = $2, updated_at = $3 WHERE id = $1 RETURNING *', [
      input.id,
      input.status,
      input.now,
    ]);
    await recordEvent(tx, {
      migrationId: input.id,
      kind: 'migration.status-changed',
      actor: input.actor,
      payload: { from: current.status, to: input.status, ...(input.reason === undefined ? {} : { reason: input.reason }) },
      now: input.now,
    });
    return parseMigrationRow(rows[0]);
  });
}

/** Records the tracking issue opened on the upstream repository for a migration. */
export async function setMigrationTrackingIssue(db: Db, input: { id: string; issueNumber: number; now: Date }): Promise<Migration> {
  return db.transaction(async (tx) => {
    const current = await lockMigration(tx, input.id);
    if (current.trackingIssue === input.issueNumber) return current;
    const { rows } = await tx.query('UPDATE migrations SET tracking_issue = $2, updated_at = $3 WHERE id = $1 RETURNING *', [
      input.id,
      input.issueNumber,
      input.now,
    ]);
    await recordEvent(tx, {
      migrationId: input.id,
      kind: 'migration.tracking-issue',
      actor: 'downstream',
      payload: { issueNumber: input.issueNumber },
      now: input.now,
    });
    return parseMigrationRow(rows[0]);
  });
}
