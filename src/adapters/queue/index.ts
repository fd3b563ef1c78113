export { createQueue } from './create-queue.js';
export type { CreateQueueInput, Queue, QueueSettings } from './create-queue.js';
export {
  deadLetterQueueName,
  jobDefinitions,
  jobNames,
  ciUpdateJobSchema,
  impactPreviewJobSchema,
  patchConsumerJobSchema,
  pullRequestClosedJobSchema,
  reconcileCron,
  reconcileJobSchema,
  schemaChangeJobSchema,
} from './job-definitions.js';
export type { JobData, JobDataMap, JobDefinition, JobName, RetryPolicy } from './job-definitions.js';
export type { Job, JobHandler, JobSnapshot, JobState, SendOptions, WorkOptions } from './job-types.js';
export { QueueError } from './queue-error.js';
export type { QueueErrorCode } from './queue-error.js';
