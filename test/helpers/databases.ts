import { randomBytes } from 'node:crypto';
import { access, cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../../src/adapters/store/index.js';
import type { Db, Logger, Store } from '../../src/adapters/store/index.js';

/** The engines a store test can run on. */
export type TestBackend = 'pglite' | 'postgres';

/** An empty database of its own, for one test file or one test. */
export type TestDatabase = {
  backend: TestBackend;
  /** What `openStore` takes to open this database (the app's DATABASE_URL, or its PGlite directory). */
  options: { databaseUrl: string } | { dataDir: string };
  /** Opens a store on it; several may be open at once on PostgreSQL, one at a time on PGlite. */
  open(logger?: Logger): Promise<Store>;
  /** Deletes the database (PostgreSQL: `DROP DATABASE … WITH (FORCE)`; PGlite: its directory). */
  drop(): Promise<void>;
};

/** The server tests may create databases on, when CI (or a developer) provides one. */
export function testServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

/** PGlite always; PostgreSQL as well when TEST_DATABASE_URL is set (DESIGN §8). */
export function testBackends(): TestBackend[] {
  return testServerUrl() === undefined ? ['pglite'] : ['pglite', 'postgres'];
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest: unknown = JSON.parse(await readFile(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
}

// initdb is most of PGlite's start-up cost (seconds); a data directory initialised once per
// machine and copied per test opens in about a second.
async function pgliteTemplate(): Promise<string> {
  const template = path.join(os.tmpdir(), `downstream-pglite-template-${await pgliteVersion()}`);
  const ready = path.join(template, 'ready');
  if (await exists(ready)) return path.join(template, 'pgdata');
  const staging = await mkdtemp(path.join(os.tmpdir(), 'downstream-pglite-staging-'));
  const pglite = await PGlite.create({ dataDir: path.join(staging, 'pgdata') });
  await pglite.close();
  await writeFile(path.join(staging, 'ready'), 'initialised\n');
  // Another test process may have won the race; its template is as good as ours.
  await rename(staging, template).catch(() => rm(staging, { recursive: true, force: true }));
  return path.join(template, 'pgdata');
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'downstream-test-'));
  const dataDir = path.join(home, 'pgdata');
  await cp(await pgliteTemplate(), dataDir, { recursive: true });
  return {
    backend: 'pglite',
    options: { dataDir },
    open: (logger) => openStore({ dataDir, ...(logger === undefined ? {} : { logger }) }),
    drop: () => rm(home, { recursive: true, force: true }),
  };
}

async function onServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `downstream_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    backend: 'postgres',
    options: { databaseUrl },
    open: (logger) => openStore({ databaseUrl, ...(logger === undefined ? {} : { logger }) }),
    drop: async () => {
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Creates an empty database on a backend: a PGlite directory under the temp dir, or a fresh server database. */
export async function createTestDatabase(backend: TestBackend): Promise<TestDatabase> {
  if (backend === 'pglite') return createPgliteDatabase();
  const serverUrl = testServerUrl();
  if (serverUrl === undefined) throw new Error('TEST_DATABASE_URL is not set: no PostgreSQL server to test on');
  return createPostgresDatabase(serverUrl);
}

/** What a `describeEachDatabase` block sees: its backend, its database, and a store open on it. */
export type DatabaseContext = {
  readonly backend: TestBackend;
  readonly database: TestDatabase;
  readonly store: Store;
  readonly db: Db;
  /** Closes the shared store and opens it again on the same database, as a restarted process would. */
  reopen(): Promise<Store>;
};

/**
 * Declares `body` once per test backend, as `title [pglite]` and `title [postgres]`, each with a
 * fresh database and a store opened on it before the block's tests (shared by them: tests must
 * not depend on each other's rows) and closed and dropped after them.
 */
export function describeEachDatabase(title: string, body: (context: DatabaseContext) => void): void {
  for (const backend of testBackends()) {
    describe(`${title} [${backend}]`, () => {
      let database: TestDatabase | undefined;
      let store: Store | undefined;
      const context: DatabaseContext = {
        backend,
        get database() {
          if (database === undefined) throw new Error('the test database exists only inside tests');
          return database;
        },
        get store() {
          if (store === undefined) throw new Error('the store is open only inside tests');
          return store;
        },
        get db() {
          return context.store.db;
        },
        reopen: async () => {
          await context.store.close();
          store = undefined;
          store = await context.database.open();
          return store;
        },
      };
      beforeAll(async () => {
        database = await createTestDatabase(backend);
        store = await database.open();
      });
      afterAll(async () => {
        await store?.close();
        await database?.drop();
      });
      body(context);
    });
  }
}
