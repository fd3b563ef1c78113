import type { Db } from './db.js';
import { parseEventRow } from './event-row.js';
import type { StoredEvent } from './event-row.js';

/** Which part of the log to read: one migration, optionally one run, after a given entry. */
export type ListEventsInput = { migrationId: string; runId?: string; afterId?: string; limit?: number };

/** Reads events in the order they were recorded. */
export async function listEvents(db: Db, input: ListEventsInput): Promise<StoredEvent[]> {
  const { rows } = await db.query(
    `SELECT * FROM events
     WHERE migration_id = $1 AND ($2::uuid IS NULL OR run_id = $2) AND id > $3::bigint
     ORDER BY id LIMIT $4`,
    [input.migrationId, input.runId ?? null, input.afterId ?? '0', input.limit ?? 1000],
  );
  return rows.map((row) => parseEventRow(row));
}
