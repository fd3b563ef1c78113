import { decideRunTransition } from '../../core/runs/index.js';
import type { RunEvent, RunStatus } from '../../core/runs/index.js';
import type { Db } from './db.js';
import type { StoredEvent } from './event-row.js';
import { isUuid } from './is-uuid.js';
import { recordEvent } from './record-event.js';
import { parseRunRow } from './run-row.js';
import type { Run } from './run-row.js';
import { StoreError } from './store-error.js';

/** What a transition learned about the run's PR and patch; only the keys given are written. */
export type RunFacts = { branch?: string; prNumber?: number; prUrl?: string; headSha?: string; leftovers?: number };

/** An event for one run, with who caused it and what it carries. */
export type TransitionRunInput = {
  migrationId: string;
  consumer: string;
  event: RunEvent;
  actor: string;
  reason?: string;
  facts?: RunFacts;
  payload?: Record<string, unknown>;
  now: Date;
};

/** The run after the event and the log entry it wrote, or why the event did not apply. */
export type TransitionRunResult =
  | { kind: 'ok'; run: Run; previous: RunStatus; event: StoredEvent }
  | { kind: 'refused'; reason: string; run: Run };

function statusOf(run: Run): RunStatus {
  return run.heldFrom === null ? { state: run.state } : { state: run.state, heldFrom: run.heldFrom };
}

async function lockRun(tx: Db, input: TransitionRunInput): Promise<Run> {
  const { rows } = isUuid(input.migrationId)
    ? await tx.query('SELECT * FROM runs WHERE migration_id = $1 AND consumer = $2 FOR UPDATE', [input.migrationId, input.consumer])
    : { rows: [] };
  if (rows.length === 0) throw new StoreError('run-not-found', `no run for ${input.consumer} in migration ${input.migrationId}`);
  return parseRunRow(rows[0]);
}

/**
 * Applies an event to a run (decideRunTransition) and appends it to the events log, in one
 * transaction; concurrent events for the same run take turns on its row lock.
 */
export async function transitionRun(db: Db, input: TransitionRunInput): Promise<TransitionRunResult> {
  return db.transaction(async (tx) => {
    const run = await lockRun(tx, input);
    const previous = statusOf(run);
    const decision = decideRunTransition(previous, input.event);
    if (decision.kind === 'refused') return { kind: 'refused', reason: decision.reason, run };
    const { next } = decision;
    const facts = input.facts ?? {};
    const { rows } = await tx.query(
      `UPDATE runs SET state = $2, held_from = $3, state_reason = $4,
         branch = COALESCE($5::text, branch), pr_number = COALESCE($6::integer, pr_number),
         pr_url = COALESCE($7::text, pr_url), head_sha = COALESCE($8::text, head_sha),
         leftovers = COALESCE($9::integer, leftovers), attempt = $10, updated_at = $11,
         green_at = CASE WHEN $2 = 'ci-passed' AND state <> 'ci-passed' THEN $11 WHEN $2 IN ('ci-failed', 'pr-open') THEN NULL ELSE green_at END
       WHERE id = $1 RETURNING *`,
      [
        run.id,
        next.state,
        next.heldFrom ?? null,
        input.reason ?? null,
        facts.branch ?? null,
        facts.prNumber ?? null,
        facts.prUrl ?? null,
        facts.headSha ?? null,
        facts.leftovers ?? null,
        input.event === 'patch-started' ? run.attempt + 1 : run.attempt,
        input.now,
      ],
    );
    const event = await recordEvent(tx, {
      migrationId: run.migrationId,
      runId: run.id,
      kind: `run.${input.event}`,
      actor: input.actor,
      payload: {
        ...input.payload,
        ...facts,
        from: previous.state,
        to: next.state,
        ...(next.heldFrom === undefined ? {} : { heldFrom: next.heldFrom }),
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      },
      now: input.now,
    });
    return { kind: 'ok', run: parseRunRow(rows[0]), previous, event };
  });
}
