import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Db, Logger } from '../store/index.js';
import { deadLetterQueueName, jobDefinitions } from './job-definitions.js';
import type { JobName, RetryPolicy } from './job-definitions.js';
import type { JobHandler } from './job-types.js';
import { QueueError } from './queue-error.js';

/** What running a job needs from the queue that fetched it. */
export type RunJobDeps = {
  boss: PgBoss;
  db: Db;
  logger: Logger;
  policy: RetryPolicy;
  deferSeconds: number;
  isStopping(): boolean;
  /** Tracks the attempt so a stop can abort it and wait for it. */
  track(controller: AbortController, running: Promise<unknown>): void;
};

const fetchedJobSchema = z.object({
  id: z.string(),
  data: z.unknown(),
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
});

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`).join('; ');
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function runLocked<Name extends JobName>(
  deps: RunJobDeps,
  name: Name,
  job: z.infer<typeof fetchedJobSchema>,
  data: Parameters<JobHandler<Name>>[0]['data'],
  handler: JobHandler<Name>,
): Promise<Record<string, unknown> | undefined> {
  const controller = new AbortController();
  const { timeoutSeconds } = deps.policy;
  const timer = setTimeout(
    () => controller.abort(new QueueError('job-timed-out', `${name} job ${job.id} ran longer than ${timeoutSeconds}s`)),
    timeoutSeconds * 1000,
  );
  const attempt = job.retryCount + 1;
  const lastAttempt = job.retryCount >= job.retryLimit;
  const context = { job: name, jobId: job.id, attempt };
  // A handler that ignores its signal is left behind at the deadline rather than holding the key forever.
  const running = abortable(handler({ id: job.id, name, data, attempt, lastAttempt, signal: controller.signal }), controller.signal);
  deps.track(controller, running);
  try {
    const output = await running;
    deps.logger.debug(context, 'job done');
    return output ?? undefined;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (lastAttempt) deps.logger.error({ ...context, error: detail }, 'job failed for good');
    else deps.logger.warn({ ...context, error: detail }, 'job attempt failed; will retry');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one fetched job: validates its data, takes its key's lock (or defers the job while another
 * worker holds it), and calls the handler with a deadline.
 */
export async function runJob<Name extends JobName>(
  deps: RunJobDeps,
  name: Name,
  fetched: unknown,
  handler: JobHandler<Name>,
): Promise<Record<string, unknown> | undefined> {
  const job = fetchedJobSchema.parse(fetched);
  const definition = jobDefinitions[name];
  const parsed = definition.schema.safeParse(job.data);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    deps.logger.error({ job: name, jobId: job.id, problems }, 'job data invalid; not retried');
    // Bad data never gets better: park it with the dead letters instead of retrying it.
    if (definition.deadLetter) await deps.boss.send(deadLetterQueueName(name), { invalid: job.data, problems });
    return { invalid: problems };
  }
  const key = definition.key(parsed.data);
  if (deps.isStopping()) {
    // Fetched as the process stops: hand it back at once for the next worker, rather than failing
    // the attempt and waiting out the retry delay (a deploy would hold every such job a minute).
    await deps.boss.send(name, parsed.data, { singletonKey: key });
    deps.logger.debug({ job: name, jobId: job.id, key }, 'job handed back: the queue is stopping');
    return { requeued: true };
  }
  const lock = await deps.db.tryLock(`downstream:job:${name}:${key}`);
  if (lock === undefined) {
    await deps.boss.send(name, parsed.data, { singletonKey: key, startAfter: deps.deferSeconds });
    deps.logger.debug({ job: name, jobId: job.id, key }, 'job deferred: the same work is running elsewhere');
    return { deferred: true };
  }
  try {
    return await runLocked(deps, name, job, parsed.data, handler);
  } finally {
    await lock.release();
  }
}
