import { setImmediate as nextTurn } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { openStore } from '../store/index.js';
import type { Db, Logger, Store } from '../store/index.js';
import { createBossExecutor, runBossSql } from './boss-executor.js';
import type { BossExecutor } from './boss-executor.js';
import { deadLetterQueueName, jobDefinitions, jobNames } from './job-definitions.js';
import type { JobData, JobName, RetryPolicy } from './job-definitions.js';
import type { JobHandler, JobSnapshot, SendOptions, WorkOptions } from './job-types.js';
import { QueueError } from './queue-error.js';
import { runJob } from './run-job.js';

/** The job queue of DESIGN §1 (pg-boss 10 over the store's database). */
export type Queue = {
  /** Installs or upgrades pg-boss's schema and the job queues; call before anything else. */
  start(): Promise<void>;
  /** Stops fetching, lets running jobs finish (graceful, up to the timeout), then aborts the rest. */
  stop(options?: { graceful?: boolean; timeoutSeconds?: number }): Promise<void>;
  /** Enqueues a job; undefined when the same work (same key) is already waiting. */
  send<Name extends JobName>(name: Name, data: JobData<Name>, options?: SendOptions): Promise<string | undefined>;
  /** Runs `handler` for jobs of this kind in this process. */
  work<Name extends JobName>(name: Name, options: WorkOptions, handler: JobHandler<Name>): Promise<void>;
  /** Enqueues a job on a cron schedule (UTC); one schedule per kind of job, replaced on each call. */
  schedule<Name extends JobName>(name: Name, cron: string, data: JobData<Name>): Promise<void>;
  unschedule(name: JobName): Promise<void>;
  findJob(queueName: string, id: string): Promise<JobSnapshot | undefined>;
  /** Jobs waiting (created or retrying) in a queue, e.g. a dead-letter queue. */
  countWaiting(queueName: string): Promise<number>;
  /** Jobs not yet finished (waiting, retrying or running) in a queue. */
  countUnfinished(queueName: string): Promise<number>;
};

/** Settings of a queue; the defaults suit production. */
export type QueueSettings = {
  logger: Logger;
  /**
   * Runs pg-boss maintenance and cron in this process (default true). Every process may: they
   * take turns through the database.
   */
  maintenance?: boolean;
  /** How long a job waits before trying again when the same work runs elsewhere (default 30). */
  deferSeconds?: number;
  /** Overrides of the retry policies in `jobDefinitions`. */
  policies?: Partial<Record<JobName, Partial<RetryPolicy>>>;
  /** How often cron schedules are checked (1–45 s, default 30). */
  cronMonitorIntervalSeconds?: number;
};

/** A queue on the store's database, or on its own connection to a PostgreSQL server. */
export type CreateQueueInput = ({ db: Db } | { databaseUrl: string }) & QueueSettings;

// pg-boss's own deadline sits past ours, so our abort (and its error) is what a timeout produces.
const expiryGraceSeconds = 60;

const snapshotSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['created', 'retry', 'active', 'completed', 'cancelled', 'failed']),
  data: z.unknown(),
  output: z.unknown(),
  retryCount: z.number().int(),
  singletonKey: z.string().nullable(),
});

type Running = { boss: PgBoss; db: Db; executor: BossExecutor; ownedStore?: Store };

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`).join('; ');
}

/** Creates the job queue; nothing touches the database until `start`. */
export function createQueue(input: CreateQueueInput): Queue {
  const { logger } = input;
  const maintenance = input.maintenance ?? true;
  const deferSeconds = input.deferSeconds ?? 30;
  let running: Running | undefined;
  let stopping = false;
  const attempts = new Map<AbortController, Promise<unknown>>();

  function policyOf(name: JobName): RetryPolicy {
    return { ...jobDefinitions[name].policy, ...input.policies?.[name] };
  }

  function started(): Running {
    if (running === undefined || stopping) throw new QueueError('queue-not-started', 'the queue is not running: call start() first');
    return running;
  }

  function validate<Name extends JobName>(name: Name, data: JobData<Name>): JobData<Name> {
    const parsed = jobDefinitions[name].schema.safeParse(data);
    if (!parsed.success) throw new QueueError('invalid-job-data', `${name} job data is invalid: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }

  async function ensureQueues(boss: PgBoss): Promise<void> {
    for (const name of jobNames) {
      const policy = policyOf(name);
      const deadLetter = jobDefinitions[name].deadLetter ? deadLetterQueueName(name) : undefined;
      if (deadLetter !== undefined) await boss.createQueue(deadLetter, { name: deadLetter, policy: 'standard' });
      // `short`: one waiting job per key. Our key locks keep it to one running job per key too,
      // without the stately/singleton policies, whose unique index stalls the whole queue.
      const options: PgBoss.Queue = {
        name,
        policy: 'short',
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: policy.retryBackoff,
        expireInSeconds: policy.timeoutSeconds + expiryGraceSeconds,
        ...(deadLetter === undefined ? {} : { deadLetter }),
      };
      await boss.createQueue(name, options);
      // createQueue keeps an existing queue as it was; carry changed policies over.
      await boss.updateQueue(name, options);
    }
  }

  async function settle(current: Running): Promise<void> {
    for (const controller of attempts.keys()) controller.abort(new QueueError('queue-stopped', 'the queue stopped during the job'));
    await Promise.allSettled(attempts.values());
    // A worker may be finishing a fetch, or failing a job it fetched as we stopped: wait until
    // nothing is in flight across a whole turn of the event loop.
    do {
      await current.executor.idle();
      await nextTurn();
    } while (current.executor.pending() > 0);
  }

  return {
    async start() {
      if (running !== undefined) return;
      const ownedStore = 'databaseUrl' in input ? await openStore({ databaseUrl: input.databaseUrl, logger }) : undefined;
      const db = ownedStore?.db ?? ('db' in input ? input.db : undefined);
      if (db === undefined) throw new QueueError('queue-not-started', 'createQueue needs a db or a databaseUrl');
      const executor = createBossExecutor(db);
      const boss = new PgBoss({
        db: executor,
        supervise: maintenance,
        schedule: maintenance,
        cronMonitorIntervalSeconds: input.cronMonitorIntervalSeconds ?? 30,
        cronWorkerIntervalSeconds: Math.min(5, input.cronMonitorIntervalSeconds ?? 5),
      });
      boss.on('error', (error) => logger.warn({ error: error.message }, 'job queue error'));
      try {
        await boss.start();
        await ensureQueues(boss);
      } catch (error) {
        await boss.stop({ graceful: false, wait: true }).catch(() => {});
        await ownedStore?.close();
        throw error;
      }
      stopping = false;
      running = { boss, db, executor, ...(ownedStore === undefined ? {} : { ownedStore }) };
    },

    async stop(options = {}) {
      const current = running;
      if (current === undefined || stopping) return;
      stopping = true;
      const timeoutMs = Math.max(1, options.timeoutSeconds ?? 30) * 1000;
      await current.boss.stop({ graceful: options.graceful ?? true, timeout: timeoutMs, wait: true, close: false });
      await settle(current);
      current.executor.close();
      await current.ownedStore?.close();
      running = undefined;
    },

    async send(name, data, options = {}) {
      const { boss } = started();
      const valid = validate(name, data);
      const transaction = options.in;
      const id = await boss.send(name, valid, {
        singletonKey: jobDefinitions[name].key(valid),
        ...(options.startAfterSeconds === undefined ? {} : { startAfter: options.startAfterSeconds }),
        ...(transaction === undefined ? {} : { db: { executeSql: (text, values) => runBossSql(transaction, text, values) } }),
      });
      return id ?? undefined;
    },

    async work(name, options, handler) {
      const { boss, db } = started();
      const deps = {
        boss,
        db,
        logger,
        policy: policyOf(name),
        deferSeconds,
        isStopping: () => stopping,
        track: (controller: AbortController, attempt: Promise<unknown>) => {
          attempts.set(controller, attempt);
          void attempt.finally(() => attempts.delete(controller)).catch(() => {});
        },
      };
      const workOptions = {
        batchSize: 1,
        includeMetadata: true,
        ...(options.pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: options.pollingIntervalSeconds }),
      } as const;
      for (let worker = 0; worker < (options.concurrency ?? 1); worker += 1) {
        await boss.work(name, workOptions, async ([job]) => (job === undefined ? undefined : runJob(deps, name, job, handler)));
      }
    },

    async schedule(name, cron, data) {
      const { boss } = started();
      const valid = validate(name, data);
      await boss.schedule(name, cron, valid, { tz: 'UTC', singletonKey: jobDefinitions[name].key(valid) });
    },

    async unschedule(name) {
      await started().boss.unschedule(name);
    },

    async findJob(queueName, id) {
      const job = await started().boss.getJobById(queueName, id, { includeArchive: true });
      return job === null ? undefined : snapshotSchema.parse(job);
    },

    async countWaiting(queueName) {
      return started().boss.getQueueSize(queueName);
    },
    async countUnfinished(queueName) {
      return started().boss.getQueueSize(queueName, { before: 'completed' });
    },
  };
}
