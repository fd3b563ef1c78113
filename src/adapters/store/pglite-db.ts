import { PGlite } from '@electric-sql/pglite';
import type { Results, Transaction } from '@electric-sql/pglite';
import type { Db, Lock, QueryResult } from './db.js';
import { lockDataDir } from './lock-data-dir.js';
import { StoreError } from './store-error.js';

/** PGlite's own spelling for a database that lives in memory only. */
export const inMemoryDataDir = 'memory://';

type Runner = Pick<Transaction, 'query' | 'exec'>;

function toResult(result: Results | undefined): QueryResult {
  if (result === undefined) return { rows: [], rowCount: 0 };
  const rows = result.rows.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null);
  return { rows, rowCount: Math.max(rows.length, result.affectedRows ?? 0) };
}

function transactionDb(tx: Runner, root: Db): Db {
  const db: Db = {
    backend: 'pglite',
    query: async (sql, params) => toResult(await tx.query(sql, params === undefined ? undefined : [...params])),
    exec: async (sql) => toResult((await tx.exec(sql)).at(-1)),
    transaction: (fn) => fn(db),
    tryLock: (key) => root.tryLock(key),
    close: () => Promise.reject(new StoreError('closed', 'cannot close the database from inside a transaction')),
  };
  return db;
}

/**
 * Opens PGlite on `dataDir` (or in memory), claiming the directory for this process. PGlite runs
 * one statement at a time, so in-process locks are exact here.
 */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  const inMemory = dataDir === inMemoryDataDir;
  const unlock = inMemory ? async () => {} : await lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? {} : { dataDir });
  } catch (error) {
    await unlock();
    throw error;
  }
  const held = new Set<string>();
  const db: Db = {
    backend: 'pglite',
    query: async (sql, params) => toResult(await pglite.query(sql, params === undefined ? undefined : [...params])),
    // A script that opens its own transaction and fails half-way would leave the session in an
    // aborted transaction for the next caller; running it inside one rolls that back atomically.
    exec: (sql) => pglite.transaction(async (tx) => toResult((await tx.exec(sql)).at(-1))),
    transaction: (fn) => pglite.transaction((tx) => fn(transactionDb(tx, db))),
    tryLock: async (key): Promise<Lock | undefined> => {
      if (held.has(key)) return undefined;
      held.add(key);
      return { release: async () => void held.delete(key) };
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
      await unlock();
    },
  };
  return db;
}
