import type { Db } from './db.js';
import { isUuid } from './is-uuid.js';
import { parseMigrationRow } from './migration-row.js';
import type { Migration, MigrationStatus } from './migration-row.js';
import { StoreError } from './store-error.js';

/** The migration with this id, if there is one. */
export async function findMigration(db: Db, id: string): Promise<Migration | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query('SELECT * FROM migrations WHERE id = $1', [id]);
  return rows.length === 0 ? undefined : parseMigrationRow(rows[0]);
}

/** The migration with this id; throws a StoreError (`migration-not-found`) when there is none. */
export async function getMigrationOrThrow(db: Db, id: string): Promise<Migration> {
  const migration = await findMigration(db, id);
  if (migration === undefined) throw new StoreError('migration-not-found', `no migration with id ${id}`);
  return migration;
}

/** Migrations, oldest first, optionally only those in the given statuses. */
export async function listMigrations(db: Db, filter: { statuses?: readonly MigrationStatus[] } = {}): Promise<Migration[]> {
  const { rows } = await db.query('SELECT * FROM migrations WHERE $1::text[] IS NULL OR status = ANY($1::text[]) ORDER BY created_at, id', [
    filter.statuses === undefined ? null : [...filter.statuses],
  ]);
  return rows.map((row) => parseMigrationRow(row));
}
