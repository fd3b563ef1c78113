import type { ChangeSet } from '../../core/schema/index.js';
import type { Db } from './db.js';
import { parseMigrationRow } from './migration-row.js';
import type { Migration } from './migration-row.js';
import { recordEvent } from './record-event.js';
import type { RepoRef } from './repo-ref.js';

/** A schema change seen on an upstream repository between two commits. */
export type EnsureMigrationInput = {
  upstream: RepoRef;
  beforeSha: string;
  afterSha: string;
  changeSet: ChangeSet;
  /** The dataset's top-level field names before the change. */
  fieldNames?: readonly string[];
  actor: string;
  now: Date;
};

/**
 * Creates the migration for this dataset, upstream repository and after-commit, or returns the one
 * already there: a redelivered push creates nothing new.
 */
export async function ensureMigration(db: Db, input: EnsureMigrationInput): Promise<{ migration: Migration; created: boolean }> {
  const { upstream, changeSet } = input;
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO migrations (dataset, physical_name, upstream_owner, upstream_name, before_sha, after_sha,
                               change_set, from_version, to_version, created_at, updated_at, field_names)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $10, $11::jsonb)
       ON CONFLICT (lower(upstream_owner), lower(upstream_name), dataset, after_sha) DO NOTHING
       RETURNING *`,
      [
        changeSet.dataset.name,
        changeSet.dataset.physicalName ?? null,
        upstream.owner,
        upstream.name,
        input.beforeSha,
        input.afterSha,
        JSON.stringify(changeSet),
        changeSet.fromVersion ?? null,
        changeSet.toVersion ?? null,
        input.now,
        JSON.stringify(input.fieldNames ?? []),
      ],
    );
    if (inserted.rows.length > 0) {
      const migration = parseMigrationRow(inserted.rows[0]);
      await recordEvent(tx, {
        migrationId: migration.id,
        kind: 'migration.created',
        actor: input.actor,
        payload: { beforeSha: input.beforeSha, afterSha: input.afterSha, changes: changeSet.changes.length },
        now: input.now,
      });
      return { migration, created: true };
    }
    const existing = await tx.query(
      `SELECT * FROM migrations
       WHERE lower(upstream_owner) = lower($1) AND lower(upstream_name) = lower($2) AND dataset = $3 AND after_sha = $4`,
      [upstream.owner, upstream.name, changeSet.dataset.name, input.afterSha],
    );
    return { migration: parseMigrationRow(existing.rows[0]), created: false };
  });
}
