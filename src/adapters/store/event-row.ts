import { z } from 'zod';
import type { Row } from './db.js';
import { parseRow } from './parse-row.js';

/** One entry of the append-only events log. */
export type StoredEvent = {
  /** Increasing with insertion order; a decimal string because it is a bigint. */
  id: string;
  migrationId: string;
  runId: string | null;
  kind: string;
  /** `downstream` for the bot, else the GitHub login of the person. */
  actor: string;
  payload: Record<string, unknown>;
  at: Date;
};

const eventRowSchema = z
  .object({
    // bigint: `pg` returns a string, PGlite a number.
    id: z.union([z.string(), z.number(), z.bigint()]).transform(String),
    migration_id: z.string(),
    run_id: z.string().nullable(),
    kind: z.string(),
    actor: z.string(),
    payload: z.record(z.string(), z.unknown()),
    at: z.date(),
  })
  .transform(
    (row): StoredEvent => ({
      id: row.id,
      migrationId: row.migration_id,
      runId: row.run_id,
      kind: row.kind,
      actor: row.actor,
      payload: row.payload,
      at: row.at,
    }),
  );

/** Reads an `events` row. */
export function parseEventRow(row: Row | undefined): StoredEvent {
  return parseRow(eventRowSchema, row, 'events');
}
