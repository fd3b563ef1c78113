import { z } from 'zod';
import type { JobData, JobName } from '../../adapters/queue/index.js';
import { planSteeringJob } from './steering-jobs.js';

/** A job a webhook asks for, or nothing when the event is not ours to act on. */
export type WebhookJob = { [Name in JobName]: { name: Name; data: JobData<Name> } }[JobName];

const account = z.object({ login: z.string() });
const repository = z.object({ name: z.string(), owner: account, default_branch: z.string() });
const installation = z.object({ id: z.number().int().positive() });

const pushPayload = z.object({ ref: z.string(), before: z.string(), after: z.string(), repository, installation, sender: z.object({ login: z.string(), type: z.string().optional() }) });
const issuesPayload = z.object({
  action: z.string(),
  repository,
  installation,
  sender: z.object({ login: z.string(), type: z.string().optional() }),
  issue: z.object({ number: z.number().int(), body: z.string().nullable(), pull_request: z.unknown().optional() }),
  changes: z.object({ body: z.object({ from: z.string().nullable().optional() }).optional() }).optional(),
});
const pullRequestPayload = z.object({
  action: z.string(),
  repository,
  installation,
  sender: account,
  pull_request: z.object({ number: z.number().int(), merged: z.boolean().nullable().optional(), head: z.object({ sha: z.string(), ref: z.string() }), base: z.object({ sha: z.string() }) }),
});
const checkSuitePayload = z.object({ action: z.string(), repository, installation, check_suite: z.object({ head_sha: z.string(), app: z.object({ slug: z.string().optional() }).nullable().optional() }) });
const checkRunPayload = z.object({ action: z.string(), repository, installation, check_run: z.object({ head_sha: z.string(), app: z.object({ slug: z.string().optional() }).nullable().optional() }) });
const statusPayload = z.object({ sha: z.string(), state: z.string(), repository, installation });

const sha = /^[0-9a-f]{40}$/;

function repoOf(payload: { repository: z.infer<typeof repository> }): { owner: string; name: string } {
  return { owner: payload.repository.owner.login, name: payload.repository.name };
}

/**
 * Decides which job a webhook becomes — the app acknowledges in milliseconds and does the work in
 * workers (DESIGN §6). Only the payload parts read here are validated; everything else is ignored.
 */
export function planWebhookJob(event: { name: string; payload: unknown; id?: string }, app: { slug: string; branchPrefix: string }): WebhookJob | undefined {
  const steering = planSteeringJob(event, app);
  if (steering !== undefined) return steering;
  switch (event.name) {
    case 'push': {
      const payload = pushPayload.safeParse(event.payload);
      if (!payload.success) return undefined;
      const branch = payload.data.ref.replace(/^refs\/heads\//, '');
      // A push to one of our branches: if a person made it, the branch is theirs from now on.
      if (branch.startsWith(app.branchPrefix) && sha.test(payload.data.after) && !/^0+$/.test(payload.data.after)) {
        return { name: 'branch-pushed', data: { repo: repoOf(payload.data), branch, sha: payload.data.after, pusher: payload.data.sender.login, senderIsBot: payload.data.sender.type === 'Bot' } };
      }
      if (payload.data.ref !== `refs/heads/${payload.data.repository.default_branch}`) return undefined;
      if (!sha.test(payload.data.before) || !sha.test(payload.data.after)) return undefined;
      return { name: 'schema-change', data: { installationId: payload.data.installation.id, upstream: repoOf(payload.data), ref: payload.data.ref, beforeSha: payload.data.before, afterSha: payload.data.after } };
    }
    case 'pull_request': {
      const payload = pullRequestPayload.safeParse(event.payload);
      if (!payload.success) return undefined;
      const { action, pull_request: pull } = payload.data;
      if (action === 'closed') {
        return { name: 'pull-request-closed', data: { repo: repoOf(payload.data), pullNumber: pull.number, merged: pull.merged === true, closedBy: payload.data.sender.login } };
      }
      // Our own consumer PRs never change a schema; previewing them would only cost API calls.
      if (!['opened', 'synchronize', 'reopened'].includes(action) || pull.head.ref.startsWith(app.branchPrefix)) return undefined;
      if (!sha.test(pull.base.sha) || !sha.test(pull.head.sha)) return undefined;
      return { name: 'impact-preview', data: { installationId: payload.data.installation.id, upstream: repoOf(payload.data), pullNumber: pull.number, baseSha: pull.base.sha, headSha: pull.head.sha } };
    }
    case 'check_suite':
    case 'check_run': {
      const payload = event.name === 'check_suite'
        ? checkSuitePayload.safeParse(event.payload)
        : checkRunPayload.safeParse(event.payload);
      if (!payload.success || payload.data.action !== 'completed') return undefined;
      const check = 'check_suite' in payload.data ? payload.data.check_suite : payload.data.check_run;
      // Our own check runs (the impact preview) say nothing about a consumer's CI.
      if (check.app?.slug === app.slug || !sha.test(check.head_sha)) return undefined;
      return { name: 'ci-update', data: { installationId: payload.data.installation.id, repo: repoOf(payload.data), sha: check.head_sha } };
    }
    case 'status': {
      const payload = statusPayload.safeParse(event.payload);
      if (!payload.success || payload.data.state === 'pending' || !sha.test(payload.data.sha)) return undefined;
      return { name: 'ci-update', data: { installationId: payload.data.installation.id, repo: repoOf(payload.data), sha: payload.data.sha } };
    }
    case 'issues': {
      const payload = issuesPayload.safeParse(event.payload);
      if (!payload.success || payload.data.issue.pull_request !== undefined || (payload.data.action !== 'edited' && payload.data.action !== 'closed')) return undefined;
      // Only tracking issues carry this marker; other issues cost nothing more than the parse.
      const body = payload.data.issue.body ?? '';
      if (!body.includes('<!-- downstream:tracking ')) return undefined;
      const before = payload.data.changes?.body?.from;
      return {
        name: 'tracking-issue-event',
        data: {
          deliveryId: event.id ?? `${payload.data.repository.owner.login}/${payload.data.repository.name}#${payload.data.issue.number}`,
          installationId: payload.data.installation.id,
          repo: repoOf(payload.data),
          issueNumber: payload.data.issue.number,
          action: payload.data.action,
          sender: payload.data.sender.login,
          senderIsBot: payload.data.sender.type === 'Bot',
          ...(before === undefined || before === null ? {} : { bodyBefore: before }),
          bodyAfter: body,
        },
      };
    }
    default:
      return undefined;
  }
}
