import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../src/sandbox/index.js';
import { appOctokit, useSandbox } from '../helpers/sandbox.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const owner = 'acme';

describe('webhook delivery', () => {
  const env = useSandbox({ seed: { repos: [{ owner, name: 'web', files: { 'a.txt': 'a\n' } }, { owner, name: 'outside', files: { 'a.txt': 'a\n' }, installed: false }] } });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(env.sandbox.webhookSecret);
  });
  afterAll(() => receiver.close());

  it('logs but does not send webhooks while no target is set', async () => {
    env.sandbox.setWebhookTarget(undefined);
    await env.sandbox.openIssue({ owner, repo: 'web', title: 'Nobody listens' });
    await env.sandbox.waitForIdle();
    expect(env.sandbox.deliveries().at(-1)).toMatchObject({ event: 'issues', action: 'opened', status: 'no-target', statusCode: null });
    env.sandbox.setWebhookTarget(receiver.url);
  });

  it('signs each delivery with the app secret and sends GitHub\'s headers', async () => {
    const { number } = await env.sandbox.openIssue({ owner, repo: 'web', title: 'Signed', as: 'alice' });
    await env.sandbox.waitForIdle();
    const hook = receiver.received.at(-1);
    expect(hook).toMatchObject({ event: 'issues', action: 'opened', signatureValid: true, payload: { issue: { number }, installation: { id: env.sandbox.installationId }, organization: { login: 'acme' } } });
    expect(hook?.headers).toMatchObject({
      'x-github-event': 'issues',
      'x-github-delivery': expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      'x-github-hook-id': expect.stringMatching(/^\d+$/),
      'x-github-hook-installation-target-id': String(env.sandbox.appId),
      'x-github-hook-installation-target-type': 'integration',
      'x-hub-signature-256': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
      'user-agent': expect.stringMatching(/^GitHub-Hookshot\//),
    });
    const delivery = env.sandbox.deliveries().at(-1);
    expect(delivery).toMatchObject({ guid: hook?.delivery, status: 'delivered', statusCode: 200, redelivery: false });
    expect(signWebhookBody('another secret', JSON.stringify(delivery?.payload))).not.toBe(hook?.headers['x-hub-signature-256']);
  });

  it('sends nothing for a repository outside the installation', async () => {
    const before = env.sandbox.deliveries().length;
    await env.sandbox.openIssue({ owner, repo: 'outside', title: 'Not for the app' });
    await env.sandbox.waitForIdle();
    expect(env.sandbox.deliveries()).toHaveLength(before);
  });

  it('records a failed delivery and redelivers it by id with the same X-GitHub-Delivery', async () => {
    receiver.respondWith(500);
    await env.sandbox.openIssue({ owner, repo: 'web', title: 'First attempt fails' });
    await env.sandbox.waitForIdle();
    receiver.respondWith(200);
    const failed = env.sandbox.deliveries().at(-1);
    expect(failed).toMatchObject({ status: 'failed', statusCode: 500 });
    const again = env.sandbox.redeliver(failed?.id ?? 0);
    await env.sandbox.waitForIdle();
    expect(again).toMatchObject({ guid: failed?.guid, redelivery: true, status: 'delivered', statusCode: 200 });
    expect(receiver.received.filter((hook) => hook.delivery === failed?.guid)).toHaveLength(2);
    expect(() => env.sandbox.redeliver(123_456_789)).toThrow();
  });

  it('lists deliveries and redelivers through GitHub\'s app webhook API', async () => {
    const app = appOctokit(env.sandbox);
    const { data: listed } = await app.rest.apps.listWebhookDeliveries({ per_page: 100 });
    const latest = env.sandbox.deliveries().at(-1);
    expect(listed[0]).toMatchObject({ id: latest?.id, guid: latest?.guid, event: latest?.event, redelivery: true, status_code: 200 });
    const { data: one } = await app.rest.apps.getWebhookDelivery({ delivery_id: latest?.id ?? 0 });
    expect(one.request.payload).toEqual(latest?.payload);
    const { status } = await app.rest.apps.redeliverWebhookDelivery({ delivery_id: latest?.id ?? 0 });
    expect(status).toBe(202);
    await env.sandbox.waitForIdle();
    expect(env.sandbox.deliveries().at(-1)).toMatchObject({ guid: latest?.guid, redelivery: true });
  });
});
