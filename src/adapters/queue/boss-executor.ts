import type PgBoss from 'pg-boss';
import type { Db } from '../store/index.js';
import { QueueError } from './queue-error.js';

/** pg-boss's `db` option over our Db, counting statements in flight so a stop can wait for them. */
export type BossExecutor = PgBoss.Db & { pending(): number; idle(): Promise<void>; close(): void };

/**
 * pg-boss sends scripts of several statements without parameters (its schema, its locked
 * maintenance): those go through `exec`, which PGlite needs and which lets a failed script roll
 * back; everything parameterised goes through `query`.
 */
export function runBossSql(db: Db, text: string, values: unknown[] | undefined): Promise<{ rows: unknown[] }> {
  return values === undefined || values.length === 0 ? db.exec(text) : db.query(text, values);
}

/** An executor for pg-boss that refuses work once closed, so nothing touches a closed database. */
export function createBossExecutor(db: Db): BossExecutor {
  let pending = 0;
  let closed = false;
  let waiters: Array<() => void> = [];
  return {
    async executeSql(text, values) {
      if (closed) throw new QueueError('queue-stopped', 'the queue is stopped');
      pending += 1;
      try {
        return await runBossSql(db, text, values);
      } finally {
        pending -= 1;
        if (pending === 0) {
          for (const wake of waiters) wake();
          waiters = [];
        }
      }
    },
    pending: () => pending,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    close: () => {
      closed = true;
    },
  };
}
