import type { Db } from './db.js';
import { parseEventRow } from './event-row.js';
import type { StoredEvent } from './event-row.js';

/** An entry for the events log; `now` is when it happened. */
export type RecordEventInput = {
  migrationId: string;
  runId?: string;
  kind: string;
  actor: string;
  payload?: Record<string, unknown>;
  now: Date;
};

/** Appends one entry to the events log. */
export async function recordEvent(db: Db, input: RecordEventInput): Promise<StoredEvent> {
  const { rows } = await db.query(
    `INSERT INTO events (migration_id, run_id, kind, actor, payload, at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING *`,
    [input.migrationId, input.runId ?? null, input.kind, input.actor, JSON.stringify(input.payload ?? {}), input.now],
  );
  return parseEventRow(rows[0]);
}
