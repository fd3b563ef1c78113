import pg from 'pg';
import type { Db, Lock, Logger, QueryResult } from './db.js';
import { StoreError } from './store-error.js';

type Client = pg.PoolClient;

function toResult(result: pg.QueryResult | pg.QueryResult[] | undefined): QueryResult {
  const last = Array.isArray(result) ? result.at(-1) : result;
  if (last === undefined) return { rows: [], rowCount: 0 };
  return { rows: last.rows, rowCount: last.rowCount ?? last.rows.length };
}

// node-pg types multi-statement results as one result; at run time it is an array.
async function runScript(client: Client, sql: string): Promise<QueryResult> {
  const result: pg.QueryResult | pg.QueryResult[] = await client.query(sql);
  return toResult(result);
}

function clientDb(client: Client, root: Db): Db {
  const db: Db = {
    backend: 'postgres',
    query: async (sql, params) => toResult(await client.query(sql, params === undefined ? undefined : [...params])),
    exec: (sql) => runScript(client, sql),
    transaction: (fn) => fn(db),
    tryLock: (key) => root.tryLock(key),
    close: () => Promise.reject(new StoreError('closed', 'cannot close the database from inside a transaction')),
  };
  return db;
}

async function withClient<T>(pool: pg.Pool, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const value = await fn(client);
    client.release();
    return value;
  } catch (error) {
    // A failed ROLLBACK means the session is in an unknown state: drop it rather than reuse it.
    const clean = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    client.release(clean ? undefined : true);
    throw error;
  }
}

/** Opens a `pg` pool on a PostgreSQL server; several processes may share the database. */
export function openPostgresDb(connectionString: string, logger: Logger, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize, application_name: 'downstream' });
  // Locks hold a session for as long as a job runs, so they get their own pool: jobs holding
  // locks can never starve the queries those same jobs make.
  const lockPool = new pg.Pool({ connectionString, max: poolSize, application_name: 'downstream-locks' });
  for (const each of [pool, lockPool]) {
    each.on('error', (error) => logger.warn({ error: error.message }, 'idle database connection failed'));
  }
  const db: Db = {
    backend: 'postgres',
    query: async (sql, params) => toResult(await pool.query(sql, params === undefined ? undefined : [...params])),
    // A script may open its own transaction; a dedicated session lets a failure roll it back.
    exec: (sql) => withClient(pool, (client) => runScript(client, sql)),
    transaction: (fn) =>
      withClient(pool, async (client) => {
        await client.query('BEGIN');
        const value = await fn(clientDb(client, db));
        await client.query('COMMIT');
        return value;
      }),
    tryLock: async (key): Promise<Lock | undefined> => {
      const client = await lockPool.connect();
      try {
        const result = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [key]);
        if (result.rows[0]?.locked === true) {
          return {
            release: async () => {
              const unlocked = await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).then(
                () => true,
                () => false,
              );
              client.release(unlocked ? undefined : true);
            },
          };
        }
        client.release();
        return undefined;
      } catch (error) {
        client.release(true);
        throw error;
      }
    },
    close: async () => {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
  return db;
}
