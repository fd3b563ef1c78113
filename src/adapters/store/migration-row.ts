import { z } from 'zod';
import type { ChangeSet, DatasetRef } from '../../core/schema/index.js';
import { rolloutPlanSchema } from '../../core/rollout/index.js';
import type { RolloutPlan } from '../../core/rollout/index.js';
import { changeSetSchema } from './change-set-schema.js';
import type { Row } from './db.js';
import { parseRow } from './parse-row.js';
import type { RepoRef } from './repo-ref.js';

/** Where a migration campaign stands as a whole. */
export type MigrationStatus = 'active' | 'paused' | 'halted' | 'completed' | 'aborted';

/** Every migration status. */
export const migrationStatuses = ['active', 'paused', 'halted', 'completed', 'aborted'] as const satisfies readonly MigrationStatus[];

/** One schema change of one dataset, rolled out to its consumers. */
export type Migration = {
  id: string;
  dataset: DatasetRef;
  upstream: RepoRef;
  beforeSha: string;
  afterSha: string;
  changeSet: ChangeSet;
  fromVersion: string | null;
  toVersion: string | null;
  status: MigrationStatus;
  trackingIssue: number | null;
  /** The dataset's top-level field names before the change (for recognising mirrored row types). */
  fieldNames: string[];
  /** The installation on the upstream repository (for the tracking issue). */
  installationId: number | null;
  /** The rollout plan: waves by tier; null until planned. */
  plan: RolloutPlan | null;
  /** How many waves have been opened so far. */
  startedWaves: number;
  /** A person asked to open the next wave now (checkbox or `/downstream promote`). */
  promoteRequested: boolean;
  /** The tracking issue body last written. */
  trackingBody: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const migrationRowSchema = z
  .object({
    id: z.string(),
    dataset: z.string(),
    physical_name: z.string().nullable(),
    upstream_owner: z.string(),
    upstream_name: z.string(),
    before_sha: z.string(),
    after_sha: z.string(),
    change_set: changeSetSchema,
    from_version: z.string().nullable(),
    to_version: z.string().nullable(),
    status: z.enum(migrationStatuses),
    tracking_issue: z.number().int().nullable(),
    installation_id: z.number().int().nullable(),
    field_names: z.array(z.string()),
    plan: rolloutPlanSchema.nullable(),
    started_waves: z.number().int(),
    promote_requested: z.boolean(),
    tracking_body: z.string().nullable(),
    created_at: z.date(),
    updated_at: z.date(),
  })
  .transform(
    (row): Migration => ({
      id: row.id,
      dataset: row.physical_name === null ? { name: row.dataset } : { name: row.dataset, physicalName: row.physical_name },
      upstream: { owner: row.upstream_owner, name: row.upstream_name },
      beforeSha: row.before_sha,
      afterSha: row.after_sha,
      changeSet: row.change_set,
      fromVersion: row.from_version,
      toVersion: row.to_version,
      status: row.status,
      trackingIssue: row.tracking_issue,
      fieldNames: row.field_names,
      installationId: row.installation_id,
      plan: row.plan,
      startedWaves: row.started_waves,
      promoteRequested: row.promote_requested,
      trackingBody: row.tracking_body,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }),
  );

/** Reads a `migrations` row into a Migration. */
export function parseMigrationRow(row: Row | undefined): Migration {
  return parseRow(migrationRowSchema, row, 'migrations');
}
