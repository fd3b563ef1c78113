import { z } from 'zod';

const sha = z.string().regex(/^[0-9a-f]{40}$/, 'must be a 40-hex commit sha');
const repo = z.object({ owner: z.string().min(1), name: z.string().min(1) });

/** A push (or a merged PR) on an upstream schema repository, to diff and plan. */
export const schemaChangeJobSchema = z.object({
  installationId: z.number().int().positive(),
  upstream: repo,
  ref: z.string().min(1),
  beforeSha: sha,
  afterSha: sha,
  deliveryId: z.string().min(1).optional(),
});

/** One consumer of one migration to patch (or re-patch). */
export const patchConsumerJobSchema = z.object({
  migrationId: z.uuid(),
  consumer: z.string().min(1),
  /** `initial` for a pending run; `retry`, `rebase` and `recreate` come from people (slash commands). */
  mode: z.enum(['initial', 'retry', 'rebase', 'recreate']).optional(),
  /** Rebase over a branch a person pushed to. */
  force: z.boolean().optional(),
  /** A person's hint for the LLM (`/downstream fix <hint>`), added to every prompt of this run. */
  hint: z.string().min(1).max(2_000).optional(),
  /** Who asked, for the events log. */
  requestedBy: z.string().optional(),
  /** The comment that asked for it (`/downstream rebase`, …): answered once the patch has run. */
  replyTo: z.object({ issueNumber: z.number().int().positive(), commentId: z.number().int().positive(), command: z.string().min(1) }).optional(),
});

/** A PR opened or updated on an upstream schema repository: post the impact preview on its head. */
export const impactPreviewJobSchema = z.object({
  installationId: z.number().int().positive(),
  upstream: repo,
  pullNumber: z.number().int().positive(),
  baseSha: sha,
  headSha: sha,
});

/** A PR closed on a consumer repository: merged or declined. */
export const pullRequestClosedJobSchema = z.object({
  repo,
  pullNumber: z.number().int().positive(),
  merged: z.boolean(),
  closedBy: z.string().min(1),
});

/** CI reported on a commit of a consumer repository: re-read the combined verdict. */
export const ciUpdateJobSchema = z.object({
  installationId: z.number().int().positive(),
  repo,
  sha,
});

/** Decide whether a migration's next wave opens (after CI reports, people act, or time passes). */
export const evaluateGateJobSchema = z.object({ migrationId: z.uuid() });

/** Re-render a migration's tracking issue; keyed per migration, so a burst of updates is written once. */
export const updateTrackingIssueJobSchema = z.object({ migrationId: z.uuid() });

/** A person edited (ticked a box) or closed a tracking issue. */
export const trackingIssueEventJobSchema = z.object({
  deliveryId: z.string().min(1),
  installationId: z.number().int().positive(),
  repo,
  issueNumber: z.number().int().positive(),
  action: z.enum(['edited', 'closed']),
  sender: z.string().min(1),
  senderIsBot: z.boolean(),
  bodyBefore: z.string().optional(),
  bodyAfter: z.string(),
});

/** Someone pushed to a `downstream/…` branch: if not the bot, the branch is theirs from now on. */
export const branchPushedJobSchema = z.object({
  repo,
  branch: z.string().min(1),
  sha,
  pusher: z.string().min(1),
  senderIsBot: z.boolean(),
});

/** A comment with `/downstream …` on a PR or issue the bot opened. */
export const handleCommandJobSchema = z.object({
  installationId: z.number().int().positive(),
  repo,
  issueNumber: z.number().int().positive(),
  isPull: z.boolean(),
  commentId: z.number().int().positive(),
  author: z.string().min(1),
  authorIsBot: z.boolean(),
  body: z.string(),
});

/** `downstream:hold` or `downstream:skip` put on (or taken off) a bot PR. */
export const pullRequestLabelJobSchema = z.object({
  deliveryId: z.string().min(1),
  installationId: z.number().int().positive(),
  repo,
  pullNumber: z.number().int().positive(),
  label: z.string().min(1),
  action: z.enum(['labeled', 'unlabeled']),
  actor: z.string().min(1),
});

/** A bot PR's CI failed on this head: one LLM repair round (issue 8). */
export const repairCiJobSchema = z.object({
  migrationId: z.uuid(),
  consumer: z.string().min(1),
  headSha: z.string().regex(/^[0-9a-f]{40}$/),
});

/** Poll PR and CI state to heal missed webhooks: one migration, or every active one. */
export const reconcileJobSchema = z.object({
  migrationId: z.uuid().optional(),
});

/** How often the reconcile job runs (cron, UTC). */
export const reconcileCron = '*/5 * * * *';

/** Retry and time limits of one kind of job. */
export type RetryPolicy = {
  /** Retries after the first attempt. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Doubles the delay on each retry (with jitter). */
  retryBackoff: boolean;
  /** A handler still running after this long is aborted and the attempt fails. */
  timeoutSeconds: number;
};

/** The data each kind of job carries. */
export type JobDataMap = {
  'schema-change': z.infer<typeof schemaChangeJobSchema>;
  'patch-consumer': z.infer<typeof patchConsumerJobSchema>;
  reconcile: z.infer<typeof reconcileJobSchema>;
  'impact-preview': z.infer<typeof impactPreviewJobSchema>;
  'pull-request-closed': z.infer<typeof pullRequestClosedJobSchema>;
  'ci-update': z.infer<typeof ciUpdateJobSchema>;
  'evaluate-gate': z.infer<typeof evaluateGateJobSchema>;
  'update-tracking-issue': z.infer<typeof updateTrackingIssueJobSchema>;
  'tracking-issue-event': z.infer<typeof trackingIssueEventJobSchema>;
  'branch-pushed': z.infer<typeof branchPushedJobSchema>;
  'handle-command': z.infer<typeof handleCommandJobSchema>;
  'pull-request-label': z.infer<typeof pullRequestLabelJobSchema>;
  'repair-ci': z.infer<typeof repairCiJobSchema>;
};

/** The name of a kind of job. */
export type JobName = keyof JobDataMap;

/** The data a job of this kind carries. */
export type JobData<Name extends JobName> = JobDataMap[Name];

/** How a kind of job is validated, keyed, retried and kept when it fails for good. */
export type JobDefinition<Data> = {
  schema: z.ZodType<Data>;
  /**
   * Jobs with the same key are one piece of work: at most one waits in the queue and at most one
   * runs, across every worker sharing the database.
   */
  key(data: Data): string;
  policy: RetryPolicy;
  /** Jobs that exhaust their retries are copied to `<name>-dead`, where they stay visible. */
  deadLetter: boolean;
};

/** The jobs of DESIGN §1, with their data schemas, keys and retry policies. */
export const jobDefinitions: { [Name in JobName]: JobDefinition<JobData<Name>> } = {
  'schema-change': {
    schema: schemaChangeJobSchema,
    // GitHub names are case-insensitive; one push is one piece of work however it is spelled.
    key: (data) => `${data.upstream.owner}/${data.upstream.name}@${data.afterSha}`.toLowerCase(),
    policy: { retryLimit: 3, retryDelaySeconds: 30, retryBackoff: true, timeoutSeconds: 15 * 60 },
    deadLetter: true,
  },
  'patch-consumer': {
    schema: patchConsumerJobSchema,
    key: (data) => `${data.migrationId}:${data.consumer}`,
    // 15 s, then doubling: a transient GitHub or git failure (or a restart mid-job) costs seconds, not minutes.
    policy: { retryLimit: 4, retryDelaySeconds: 15, retryBackoff: true, timeoutSeconds: 30 * 60 },
    deadLetter: true,
  },
  reconcile: {
    schema: reconcileJobSchema,
    key: (data) => data.migrationId ?? 'all',
    // The next scheduled run is the retry.
    policy: { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false, timeoutSeconds: 10 * 60 },
    deadLetter: false,
  },
  'impact-preview': {
    schema: impactPreviewJobSchema,
    // A newer push to the PR makes an older preview moot, but each head gets its own check run.
    key: (data) => `${data.upstream.owner}/${data.upstream.name}@${data.headSha}`.toLowerCase(),
    policy: { retryLimit: 2, retryDelaySeconds: 30, retryBackoff: true, timeoutSeconds: 15 * 60 },
    deadLetter: true,
  },
  'pull-request-closed': {
    schema: pullRequestClosedJobSchema,
    key: (data) => `${data.repo.owner}/${data.repo.name}#${data.pullNumber}`.toLowerCase(),
    policy: { retryLimit: 3, retryDelaySeconds: 10, retryBackoff: true, timeoutSeconds: 60 },
    deadLetter: true,
  },
  'ci-update': {
    schema: ciUpdateJobSchema,
    key: (data) => `${data.repo.owner}/${data.repo.name}@${data.sha}`.toLowerCase(),
    // Missed or failed updates are healed by reconcile, which polls the same state.
    policy: { retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true, timeoutSeconds: 60 },
    deadLetter: false,
  },
  'evaluate-gate': {
    schema: evaluateGateJobSchema,
    key: (data) => data.migrationId,
    policy: { retryLimit: 3, retryDelaySeconds: 10, retryBackoff: true, timeoutSeconds: 5 * 60 },
    deadLetter: false,
  },
  'update-tracking-issue': {
    schema: updateTrackingIssueJobSchema,
    // One waiting job per migration: a burst of changes is written once (the debounce).
    key: (data) => data.migrationId,
    policy: { retryLimit: 3, retryDelaySeconds: 15, retryBackoff: true, timeoutSeconds: 2 * 60 },
    deadLetter: false,
  },
  'tracking-issue-event': {
    schema: trackingIssueEventJobSchema,
    key: (data) => data.deliveryId,
    policy: { retryLimit: 3, retryDelaySeconds: 10, retryBackoff: true, timeoutSeconds: 5 * 60 },
    deadLetter: true,
  },
  'branch-pushed': {
    schema: branchPushedJobSchema,
    key: (data) => `${data.repo.owner}/${data.repo.name}@${data.sha}`.toLowerCase(),
    policy: { retryLimit: 3, retryDelaySeconds: 10, retryBackoff: true, timeoutSeconds: 60 },
    deadLetter: false,
  },
  'handle-command': {
    schema: handleCommandJobSchema,
    // One comment is one piece of work, however often its webhook is delivered.
    key: (data) => `${data.repo.owner}/${data.repo.name}#comment-${data.commentId}`.toLowerCase(),
    policy: { retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true, timeoutSeconds: 2 * 60 },
    deadLetter: true,
  },
  'pull-request-label': {
    schema: pullRequestLabelJobSchema,
    key: (data) => data.deliveryId,
    policy: { retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true, timeoutSeconds: 2 * 60 },
    deadLetter: true,
  },
  'repair-ci': {
    schema: repairCiJobSchema,
    // One repair round per failing head, however many CI webhooks report it.
    key: (data) => `${data.migrationId}:${data.consumer}@${data.headSha}`,
    policy: { retryLimit: 1, retryDelaySeconds: 60, retryBackoff: false, timeoutSeconds: 30 * 60 },
    deadLetter: true,
  },
};

/** Every job name. */
export const jobNames = [
  'schema-change', 'patch-consumer', 'reconcile', 'impact-preview', 'pull-request-closed', 'ci-update',
  'evaluate-gate', 'update-tracking-issue', 'tracking-issue-event', 'branch-pushed',
  'handle-command', 'pull-request-label', 'repair-ci',
] as const satisfies readonly JobName[];

/** The queue where jobs of this kind land after their last failed attempt. */
export function deadLetterQueueName(name: JobName): string {
  return `${name}-dead`;
}

