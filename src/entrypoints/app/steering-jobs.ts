import { z } from 'zod';
import { isSteeringLabel, parseCommands } from '../../core/commands/index.js';
import type { WebhookJob } from './webhook-jobs.js';

const account = z.object({ login: z.string(), type: z.string().optional() });
const repository = z.object({ name: z.string(), owner: z.object({ login: z.string() }) });
const installation = z.object({ id: z.number().int().positive() });

const commentPayload = z.object({
  action: z.string(),
  repository,
  installation,
  sender: account,
  issue: z.object({ number: z.number().int().positive(), user: account.nullable(), pull_request: z.unknown().optional() }),
  comment: z.object({ id: z.number().int().positive(), body: z.string().nullable(), user: account.nullable() }),
});
const labelPayload = z.object({
  action: z.enum(['labeled', 'unlabeled']),
  repository,
  installation,
  sender: account,
  label: z.object({ name: z.string() }),
  pull_request: z.object({ number: z.number().int().positive(), head: z.object({ ref: z.string() }) }),
});

function isBot(user: z.infer<typeof account> | null, botLogin: string): boolean {
  return user === null || user.type === 'Bot' || user.login.toLowerCase() === botLogin;
}

/**
 * Webhooks by which people steer the bot (DESIGN §5): a new comment with a `/downstream` line on a
 * PR or issue the app opened, and `downstream:hold` / `downstream:skip` on one of its PRs. Bots
 * (the app itself included) are never obeyed, so their comments and labels make no job.
 */
export function planSteeringJob(event: { name: string; payload: unknown; id?: string }, app: { slug: string; branchPrefix: string }): WebhookJob | undefined {
  const botLogin = `${app.slug}[bot]`.toLowerCase();
  if (event.name === 'issue_comment') {
    const payload = commentPayload.safeParse(event.payload);
    if (!payload.success || payload.data.action !== 'created') return undefined;
    const { issue, comment, sender } = payload.data;
    if (isBot(sender, botLogin) || isBot(comment.user, botLogin) || issue.user?.login.toLowerCase() !== botLogin) return undefined;
    const body = comment.body ?? '';
    if (parseCommands(body).length === 0) return undefined;
    return {
      name: 'handle-command',
      data: {
        installationId: payload.data.installation.id,
        repo: { owner: payload.data.repository.owner.login, name: payload.data.repository.name },
        issueNumber: issue.number,
        isPull: issue.pull_request !== undefined,
        commentId: comment.id,
        author: sender.login,
        authorIsBot: false,
        body,
      },
    };
  }
  if (event.name === 'pull_request') {
    const payload = labelPayload.safeParse(event.payload);
    if (!payload.success || !isSteeringLabel(payload.data.label.name) || !payload.data.pull_request.head.ref.startsWith(app.branchPrefix)) return undefined;
    if (payload.data.sender.login.toLowerCase() === botLogin) return undefined;
    const repo = { owner: payload.data.repository.owner.login, name: payload.data.repository.name };
    const pullNumber = payload.data.pull_request.number;
    return {
      name: 'pull-request-label',
      data: {
        deliveryId: event.id ?? `${repo.owner}/${repo.name}#${pullNumber}:${payload.data.action}:${payload.data.label.name}`,
        installationId: payload.data.installation.id,
        repo,
        pullNumber,
        label: payload.data.label.name,
        action: payload.data.action,
        actor: payload.data.sender.login,
      },
    };
  }
  return undefined;
}
