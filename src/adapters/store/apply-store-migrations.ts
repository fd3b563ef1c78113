import type { Db } from './db.js';
import type { StoreMigration } from './sql/store-migrations.js';
import { StoreError } from './store-error.js';

/** What applying the store migrations did. */
export type StoreMigrationReport = { applied: string[]; unknown: string[] };

/**
 * Applies the store migrations not yet recorded in `store_migrations`, in order, in one
 * transaction. The advisory lock makes processes starting together on one server take turns:
 * the second sees what the first applied.
 */
export async function applyStoreMigrations(db: Db, migrations: readonly StoreMigration[]): Promise<StoreMigrationReport> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['downstream:store-migrations']);
    await tx.exec('CREATE TABLE IF NOT EXISTS store_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query('SELECT id FROM store_migrations ORDER BY id');
    const done = new Set(rows.map((row) => String(row.id)));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new StoreError('store-migration-failed', `store migration ${migration.id} failed: ${detail}`, { cause: error });
      }
      await tx.query('INSERT INTO store_migrations (id) VALUES ($1)', [migration.id]);
      applied.push(migration.id);
    }
    const known = new Set(migrations.map((migration) => migration.id));
    return { applied, unknown: [...done].filter((id) => !known.has(id)) };
  });
}
