import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { gate, waitFor } from '../../../test/helpers/wait-for.js';
import type { Logger } from '../store/index.js';
import { createQueue, deadLetterQueueName } from './index.js';
import type { Queue, QueueSettings } from './index.js';

const migrationId = '6f1c6a6e-8f7e-4a43-9b3c-1a2b3c4d5e6f';
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const fast = { pollingIntervalSeconds: 0.5 };

function recordingLogger(): Logger & { messages: string[] } {
  const messages: string[] = [];
  const record = (_details: object, message: string) => void messages.push(message);
  return { messages, debug: record, info: record, warn: record, error: record };
}

describeEachDatabase('queue', (context) => {
  const queues: Queue[] = [];

  async function startQueue(settings: Partial<QueueSettings> = {}): Promise<Queue> {
    const queue = createQueue({ db: context.db, logger: quiet, deferSeconds: 1, ...settings });
    await queue.start();
    queues.push(queue);
    return queue;
  }

  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop({ timeoutSeconds: 1 });
    // Jobs left by one test must not be fetched by the next one's workers.
    await context.db.exec('TRUNCATE pgboss.job, pgboss.archive; DELETE FROM pgboss.schedule;');
  });

  it('runs a job once, with its validated data, and keeps what the handler returned', async () => {
    const queue = await startQueue();
    const seen: unknown[] = [];
    await queue.work('patch-consumer', fast, async (job) => {
      seen.push({ data: job.data, attempt: job.attempt, lastAttempt: job.lastAttempt });
      return { patched: true };
    });
    const id = await queue.send('patch-consumer', { migrationId, consumer: 'component:default/billing' });
    if (id === undefined) throw new Error('the first send of a key is accepted');
    const done = await waitFor('completion', async () => {
      const job = await queue.findJob('patch-consumer', id);
      return job?.state === 'completed' ? job : undefined;
    });
    expect(seen).toEqual([{ data: { migrationId, consumer: 'component:default/billing' }, attempt: 1, lastAttempt: false }]);
    expect(done).toMatchObject({ output: { patched: true }, singletonKey: `${migrationId}:component:default/billing` });
  });

  it('keeps one waiting job per migration × consumer, so redelivered work is not queued twice', async () => {
    const queue = await startQueue();
    const first = await queue.send('patch-consumer', { migrationId, consumer: 'a' });
    const again = await queue.send('patch-consumer', { migrationId, consumer: 'a' });
    const other = await queue.send('patch-consumer', { migrationId, consumer: 'b' });
    const push = { installationId: 1, upstream: { owner: 'acme', name: 'schemas' }, ref: 'refs/heads/main', beforeSha: '0'.repeat(40), afterSha: 'f'.repeat(40) };
    const pushed = await queue.send('schema-change', push);
    const redelivered = await queue.send('schema-change', { ...push, upstream: { owner: 'ACME', name: 'Schemas' } });
    expect([first, again, other, pushed, redelivered].map((id) => id !== undefined)).toEqual([true, false, true, true, false]);
    expect(await queue.countWaiting('patch-consumer')).toBe(2);
  });

  it('refuses to send data its job does not accept', async () => {
    const queue = await startQueue();
    await expect(queue.send('patch-consumer', { migrationId: 'not-a-uuid', consumer: 'a' })).rejects.toMatchObject({ code: 'invalid-job-data' });
  });

  it('never runs the same migration × consumer twice at once, and does not hold up other consumers meanwhile', async () => {
    const queue = await startQueue();
    const release = gate();
    let runningA = 0;
    let mostA = 0;
    const finished: string[] = [];
    await queue.work('patch-consumer', { ...fast, concurrency: 3 }, async (job) => {
      if (job.data.consumer === 'a') {
        runningA += 1;
        mostA = Math.max(mostA, runningA);
        await release.promise;
        runningA -= 1;
      }
      finished.push(job.data.consumer);
    });
    await queue.send('patch-consumer', { migrationId, consumer: 'a' });
    await waitFor('a to start', () => (runningA === 1 ? true : undefined));
    // A second request for the running pair is accepted (it waits), and b arrives behind it.
    expect(await queue.send('patch-consumer', { migrationId, consumer: 'a' })).toBeDefined();
    await queue.send('patch-consumer', { migrationId, consumer: 'b' });
    await waitFor('b to finish while a still runs', () => (finished.includes('b') ? true : undefined));
    expect(runningA).toBe(1);
    release.open();
    await waitFor('a to run twice', () => (finished.filter((consumer) => consumer === 'a').length === 2 ? true : undefined));
    expect(mostA).toBe(1);
  });

  it('retries a failed attempt, then succeeds', async () => {
    const queue = await startQueue({ policies: { 'patch-consumer': { retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false } } });
    const attempts: Array<[number, boolean]> = [];
    await queue.work('patch-consumer', fast, async (job) => {
      attempts.push([job.attempt, job.lastAttempt]);
      if (job.attempt === 1) throw new Error('clone failed');
    });
    const id = await queue.send('patch-consumer', { migrationId, consumer: 'a' });
    await waitFor('completion', async () => ((await queue.findJob('patch-consumer', id ?? ''))?.state === 'completed' ? true : undefined));
    expect(attempts).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  it('ends in the failed state and the dead letters after the last retry, with the error kept', async () => {
    const logger = recordingLogger();
    const queue = await startQueue({ logger, policies: { 'patch-consumer': { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false } } });
    let calls = 0;
    await queue.work('patch-consumer', fast, async () => {
      calls += 1;
      throw new Error('push rejected');
    });
    const id = await queue.send('patch-consumer', { migrationId, consumer: 'a' });
    const failed = await waitFor('failure', async () => {
      const job = await queue.findJob('patch-consumer', id ?? '');
      return job?.state === 'failed' ? job : undefined;
    });
    expect(calls).toBe(2);
    expect(failed.output).toMatchObject({ message: 'push rejected' });
    expect(await queue.countWaiting(deadLetterQueueName('patch-consumer'))).toBe(1);
    expect(logger.messages).toEqual(['job attempt failed; will retry', 'job failed for good']);
  });

  it('parks a job whose data no longer validates with the dead letters, without calling the handler', async () => {
    const queue = await startQueue();
    let calls = 0;
    await queue.work('patch-consumer', fast, async () => {
      calls += 1;
    });
    // As a job written by an older version would look.
    await context.db.query(`INSERT INTO pgboss.job (name, data, policy) VALUES ('patch-consumer', $1::jsonb, 'short')`, [
      JSON.stringify({ migration: 'm-1' }),
    ]);
    await waitFor('the dead letter', async () => ((await queue.countWaiting(deadLetterQueueName('patch-consumer'))) === 1 ? true : undefined));
    expect(calls).toBe(0);
  });

  it('aborts an attempt that runs past its deadline', async () => {
    const queue = await startQueue({ policies: { reconcile: { timeoutSeconds: 1 } } });
    let aborted = false;
    await queue.work('reconcile', fast, (job) => {
      job.signal.addEventListener('abort', () => {
        aborted = true;
      });
      return new Promise(() => {});
    });
    const id = await queue.send('reconcile', {});
    const failed = await waitFor('the timeout', async () => {
      const job = await queue.findJob('reconcile', id ?? '');
      return job?.state === 'failed' ? job : undefined;
    });
    expect(aborted).toBe(true);
    expect(failed.output).toMatchObject({ name: 'QueueError', code: 'job-timed-out' });
  });

  it('enqueues inside a transaction: a rollback leaves no job behind', async () => {
    const queue = await startQueue();
    const rolledBack = context.db.transaction(async (tx) => {
      await queue.send('patch-consumer', { migrationId, consumer: 'a' }, { in: tx });
      throw new Error('planning failed');
    });
    await expect(rolledBack).rejects.toThrow('planning failed');
    expect(await queue.countWaiting('patch-consumer')).toBe(0);
    await context.db.transaction((tx) => queue.send('patch-consumer', { migrationId, consumer: 'a' }, { in: tx }));
    expect(await queue.countWaiting('patch-consumer')).toBe(1);
  });

  it('runs a scheduled job', async () => {
    const queue = await startQueue({ cronMonitorIntervalSeconds: 1 });
    const runs: unknown[] = [];
    await queue.work('reconcile', fast, async (job) => {
      runs.push(job.data);
    });
    // Every minute: the minute just begun counts as due, so it fires within a few seconds.
    await queue.schedule('reconcile', '* * * * *', {});
    await waitFor('the scheduled reconcile', () => (runs.length > 0 ? true : undefined), 20_000);
    expect(runs[0]).toEqual({});
  });

  it('lets a running job finish when stopping gracefully', async () => {
    const queue = await startQueue();
    const release = gate();
    let started = false;
    let finished = false;
    await queue.work('patch-consumer', fast, async () => {
      started = true;
      await release.promise;
      finished = true;
    });
    const id = await queue.send('patch-consumer', { migrationId, consumer: 'a' });
    await waitFor('the job to start', () => (started ? true : undefined));
    const stopped = queue.stop({ timeoutSeconds: 10 });
    release.open();
    await stopped;
    expect(finished).toBe(true);
    const again = await startQueue();
    expect((await again.findJob('patch-consumer', id ?? ''))?.state).toBe('completed');
  });

  it('keeps waiting jobs across a restart of the process', async () => {
    const before = await startQueue();
    const id = await before.send('patch-consumer', { migrationId, consumer: 'a' });
    await before.stop();
    await context.reopen();
    const after = await startQueue();
    const seen: string[] = [];
    await after.work('patch-consumer', fast, async (job) => {
      seen.push(job.id);
    });
    await waitFor('the job from before the restart', () => (seen.length > 0 ? true : undefined));
    expect(seen).toEqual([id]);
  });

  it.runIf(context.backend === 'postgres')('shares one PostgreSQL between workers: every job runs exactly once', async () => {
    if (!('databaseUrl' in context.database.options)) throw new Error('a PostgreSQL test database has a URL');
    const first = await startQueue();
    // The second worker connects on its own, as a separate `downstream worker` process would.
    const second = createQueue({ databaseUrl: context.database.options.databaseUrl, logger: quiet, deferSeconds: 1 });
    await second.start();
    queues.push(second);
    const runs = new Map<string, number>();
    const byWorker = [0, 0];
    for (const [index, queue] of [first, second].entries()) {
      await queue.work('patch-consumer', { ...fast, concurrency: 3 }, async (job) => {
        runs.set(job.data.consumer, (runs.get(job.data.consumer) ?? 0) + 1);
        byWorker[index] = (byWorker[index] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
    }
    const consumers = Array.from({ length: 40 }, (_, index) => `component:default/consumer-${index}`);
    for (const consumer of consumers) await first.send('patch-consumer', { migrationId, consumer });
    await waitFor('every job', () => (consumers.every((consumer) => runs.has(consumer)) ? true : undefined), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(runs.size).toBe(40);
    expect(byWorker.every((count) => count > 0)).toBe(true);
  });
});
