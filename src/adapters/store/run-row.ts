import { z } from 'zod';
import { runStates } from '../../core/runs/index.js';
import type { RunState } from '../../core/runs/index.js';
import type { Row } from './db.js';
import { parseRow } from './parse-row.js';
import type { RepoRef } from './repo-ref.js';
import { runPatchSchema } from './run-patch.js';
import type { RunPatch } from './run-patch.js';

/** A consumer's rollout tier (catalog annotation `downstream/tier`, default `general`). */
export type ConsumerTier = 'canary' | 'early' | 'general' | 'critical';

/** Every tier, in rollout order. */
export const consumerTiers = ['canary', 'early', 'general', 'critical'] as const satisfies readonly ConsumerTier[];

/** One consumer's progress in one migration (unique per migration × consumer). */
export type Run = {
  id: string;
  migrationId: string;
  /** The consumer's catalog entity ref, e.g. `component:default/billing`. */
  consumer: string;
  repo: RepoRef;
  tier: ConsumerTier;
  wave: number;
  state: RunState;
  /** The state a held run returns to on unhold; null unless held. */
  heldFrom: RunState | null;
  stateReason: string | null;
  branch: string | null;
  prNumber: number | null;
  prUrl: string | null;
  headSha: string | null;
  /** Sites left for a human after the last patch; null until patched. */
  leftovers: number | null;
  /** How many times patching started. */
  attempt: number;
  /** What the last patch did; null until patched. */
  patch: RunPatch | null;
  /** The first person other than the bot who pushed to its branch; the bot stops rewriting it. */
  editedBy: string | null;
  /** When the run last turned CI-green. */
  greenAt: Date | null;
  /** Repair commits pushed after CI failures. */
  repairs: number;
  createdAt: Date;
  updatedAt: Date;
};

const runRowSchema = z
  .object({
    id: z.string(),
    migration_id: z.string(),
    consumer: z.string(),
    repo_owner: z.string(),
    repo_name: z.string(),
    tier: z.enum(consumerTiers),
    wave: z.number().int(),
    state: z.enum(runStates),
    held_from: z.enum(runStates).nullable(),
    state_reason: z.string().nullable(),
    branch: z.string().nullable(),
    pr_number: z.number().int().nullable(),
    pr_url: z.string().nullable(),
    head_sha: z.string().nullable(),
    leftovers: z.number().int().nullable(),
    attempt: z.number().int(),
    patch: runPatchSchema.nullable(),
    edited_by: z.string().nullable(),
    green_at: z.date().nullable(),
    repairs: z.number().int(),
    created_at: z.date(),
    updated_at: z.date(),
  })
  .transform(
    (row): Run => ({
      id: row.id,
      migrationId: row.migration_id,
      consumer: row.consumer,
      repo: { owner: row.repo_owner, name: row.repo_name },
      tier: row.tier,
      wave: row.wave,
      state: row.state,
      heldFrom: row.held_from,
      stateReason: row.state_reason,
      branch: row.branch,
      prNumber: row.pr_number,
      prUrl: row.pr_url,
      headSha: row.head_sha,
      leftovers: row.leftovers,
      attempt: row.attempt,
      patch: row.patch,
      editedBy: row.edited_by,
      greenAt: row.green_at,
      repairs: row.repairs,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }),
  );

/** Reads a `runs` row into a Run. */
export function parseRunRow(row: Row | undefined): Run {
  return parseRow(runRowSchema, row, 'runs');
}
