import type { Db } from './db.js';
import type { RunPatch } from './run-patch.js';

type RunKey = { migrationId: string; consumer: string };

/** Stores what the last patch of a run did. */
export async function setRunPatch(db: Db, input: RunKey & { patch: RunPatch; now: Date }): Promise<void> {
  await db.query('UPDATE runs SET patch = $3::jsonb, updated_at = $4 WHERE migration_id = $1 AND consumer = $2', [input.migrationId, input.consumer, JSON.stringify(input.patch), input.now]);
}

/** Records who other than the bot pushed to the run's branch (the first one stays), or clears it on recreate. */
export async function setRunEditedBy(db: Db, input: RunKey & { editedBy: string | null; now: Date }): Promise<void> {
  const sql = input.editedBy === null
    ? 'UPDATE runs SET edited_by = NULL, updated_at = $4 WHERE migration_id = $1 AND consumer = $2 AND $3::text IS NULL'
    : 'UPDATE runs SET edited_by = COALESCE(edited_by, $3), updated_at = $4 WHERE migration_id = $1 AND consumer = $2';
  await db.query(sql, [input.migrationId, input.consumer, input.editedBy, input.now]);
}

/** Counts one more repair commit on a run; returns how many it has now. */
export async function countRunRepair(db: Db, input: RunKey & { now: Date }): Promise<number> {
  const { rows } = await db.query('UPDATE runs SET repairs = repairs + 1, updated_at = $3 WHERE migration_id = $1 AND consumer = $2 RETURNING repairs', [input.migrationId, input.consumer, input.now]);
  const repairs = rows[0]?.repairs;
  return typeof repairs === 'number' ? repairs : 0;
}
