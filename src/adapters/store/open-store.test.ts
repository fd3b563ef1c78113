import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackends } from '../../../test/helpers/databases.js';
import type { TestDatabase } from '../../../test/helpers/databases.js';
import { buildMigrationInput } from '../../../test/helpers/store-builders.js';
import { ensureMigration, findMigration, openStore, StoreError, storeMigrations } from './index.js';
import type { Db } from './index.js';

async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await db.query('SELECT id FROM store_migrations ORDER BY id');
  return rows.map((row) => String(row.id));
}

const dropAfter: TestDatabase[] = [];
afterEach(async () => {
  for (const database of dropAfter.splice(0)) await database.drop();
});

async function freshDatabase(backend: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const database = await createTestDatabase(backend);
  dropAfter.push(database);
  return database;
}

describe.each(testBackends())('openStore [%s]', (backend) => {
  it('applies every store migration once, and nothing on the next start', async () => {
    const database = await freshDatabase(backend);
    const first = await database.open();
    expect(await appliedMigrations(first.db)).toEqual(storeMigrations.map((migration) => migration.id));
    await first.close();
    const second = await database.open();
    expect(await appliedMigrations(second.db)).toEqual(storeMigrations.map((migration) => migration.id));
    await second.close();
  });

  it('keeps what was written across a restart', async () => {
    const database = await freshDatabase(backend);
    const before = await database.open();
    const { migration } = await ensureMigration(before.db, buildMigrationInput());
    await before.close();
    const after = await database.open();
    expect(await findMigration(after.db, migration.id)).toEqual(migration);
    await after.close();
  });
});

describe.runIf(testBackends().includes('postgres'))('openStore on a shared PostgreSQL server', () => {
  it('lets processes that start together take turns applying the store migrations', async () => {
    const database = await freshDatabase('postgres');
    const stores = await Promise.all([database.open(), database.open(), database.open()]);
    expect(await appliedMigrations(stores[0]!.db)).toEqual(storeMigrations.map((migration) => migration.id));
    await Promise.all(stores.map((store) => store.close()));
  });

  it('names the server, without its password, when it cannot be reached', async () => {
    const error = await openStore({ databaseUrl: 'postgres://bot:s3cret@127.0.0.1:1/nowhere' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'database-unreachable' });
    expect(String(error)).toContain('postgres://bot:***@127.0.0.1:1/nowhere');
    expect(String(error)).not.toContain('s3cret');
  });
});

describe('openStore on PGlite', () => {
  it('refuses a second opener of the same directory and tells it to use DATABASE_URL', async () => {
    const database = await freshDatabase('pglite');
    const first = await database.open();
    const error = await database.open().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'data-dir-in-use' });
    expect(String(error)).toMatch(/set DATABASE_URL/);
    await first.close();
    const again = await database.open();
    await again.close();
  });

  it('refuses a directory another running process holds', async () => {
    const database = await freshDatabase('pglite');
    if (!('dataDir' in database.options)) throw new Error('a PGlite test database has a data directory');
    // Our parent process is certainly running: it stands in for a `downstream serve` holding the directory.
    await writeFile(`${database.options.dataDir}.lock`, `${process.ppid}\n`);
    const error = await database.open().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'data-dir-in-use' });
    expect(String(error)).toContain(`process ${process.ppid}`);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const database = await freshDatabase('pglite');
    if (!('dataDir' in database.options)) throw new Error('a PGlite test database has a data directory');
    const lockFile = `${database.options.dataDir}.lock`;
    // Pids are below 2^22 on Linux, so this one cannot be running.
    await writeFile(lockFile, '4194305\n');
    const store = await database.open();
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
  });
});
