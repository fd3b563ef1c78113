import type { SandboxContext } from '../context.js';
import { findInstallationFor } from '../context.js';
import { presentSimpleInstallation } from '../present/app.js';
import { presentWebhookRepository } from '../present/repository.js';
import { presentOrganization, presentUser } from '../present/user.js';
import type { Account, Repo } from '../state/types.js';

/**
 * Queues a repository event for our app, the way GitHub would: only when the app is installed on
 * the repository and subscribes to the event, with the envelope (`repository`, `organization`,
 * `installation`, `sender`) filled from current state. `body` supplies the event's own fields.
 */
export function emitRepoEvent(context: SandboxContext, repo: Repo, event: string, action: string | undefined, sender: Account, body: Record<string, unknown>): void {
  const installation = findInstallationFor(context, repo);
  if (installation === undefined || !context.app.events.includes(event)) return;
  const urls = context.urls();
  const payload = {
    ...(action === undefined ? {} : { action }),
    ...body,
    repository: body.repository ?? presentWebhookRepository(urls, repo),
    ...(repo.owner.type === 'Organization' ? { organization: presentOrganization(urls, repo.owner) } : {}),
    installation: presentSimpleInstallation(installation),
    sender: presentUser(urls, sender),
  };
  context.webhooks.enqueue({ event, action, payload, installationId: installation.id, repositoryId: repo.id });
}
