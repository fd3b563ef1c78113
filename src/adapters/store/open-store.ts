import { applyStoreMigrations } from './apply-store-migrations.js';
import type { Db, DbBackend, Logger } from './db.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';
import { storeMigrations } from './sql/store-migrations.js';
import { StoreError } from './store-error.js';

/** Where PGlite keeps its files when no DATABASE_URL is given. */
export const defaultDataDir = '.downstream/pgdata';

/** An open store: the database, with its tables migrated. Close it after the queue stops. */
export type Store = { db: Db; backend: DbBackend; close(): Promise<void> };

/** `databaseUrl` selects PostgreSQL; without it PGlite opens `dataDir` (`memory://` for no files). */
export type OpenStoreOptions = { databaseUrl?: string; dataDir?: string; logger?: Logger; poolSize?: number };

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** The connection string with its password masked, for messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'the DATABASE_URL given';
  }
}

/** Opens PostgreSQL when `databaseUrl` is set, else PGlite, and applies pending store migrations. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const logger = options.logger ?? quiet;
  const { databaseUrl } = options;
  const where = databaseUrl === undefined ? (options.dataDir ?? defaultDataDir) : redactDatabaseUrl(databaseUrl);
  const db = databaseUrl === undefined ? await openPgliteDb(where) : openPostgresDb(databaseUrl, logger, options.poolSize);
  try {
    const report = await applyStoreMigrations(db, storeMigrations);
    if (report.applied.length > 0) logger.info({ backend: db.backend, applied: report.applied }, 'store migrations applied');
    if (report.unknown.length > 0) {
      logger.warn({ backend: db.backend, unknown: report.unknown }, 'database has store migrations this version does not know');
    }
  } catch (error) {
    await db.close().catch(() => {});
    if (error instanceof StoreError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError('database-unreachable', `cannot open the store at ${where}: ${detail}`, { cause: error });
  }
  return { db, backend: db.backend, close: () => db.close() };
}
