import type { Db } from '../store/index.js';
import type { JobData, JobName } from './job-definitions.js';

/** A job handed to a handler, its data validated. */
export type Job<Name extends JobName> = {
  id: string;
  name: Name;
  data: JobData<Name>;
  /** 1 on the first try, 2 on the first retry, … */
  attempt: number;
  /** No retry follows if this attempt fails: record the failure for people to see. */
  lastAttempt: boolean;
  /** Aborted when the attempt times out or the queue stops: pass it to git and HTTP calls. */
  signal: AbortSignal;
};

/** Does the work of one job; a throw fails the attempt (and retries it while retries remain). */
export type JobHandler<Name extends JobName> = (job: Job<Name>) => Promise<Record<string, unknown> | void>;

/** Options for one `send`. */
export type SendOptions = {
  /** Wait this long before the job may start. */
  startAfterSeconds?: number;
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  in?: Db;
};

/** Options for `work`. */
export type WorkOptions = {
  /** Jobs of this kind this process runs at once. */
  concurrency?: number;
  /** How often an idle worker looks for jobs (at least 0.5 s). */
  pollingIntervalSeconds?: number;
};

/** Where a job stands in pg-boss. */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** A job as the queue holds it, for dashboards and tests. */
export type JobSnapshot = {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  /** What the handler returned, or the error of the last failed attempt. */
  output: unknown;
  retryCount: number;
  singletonKey: string | null;
};
