import { createHmac, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../clock.js';
import type { TaskTracker } from '../tasks.js';

/** One delivery attempt of a webhook, as the sandbox logged it. */
export type Delivery = {
  /** This attempt's id (what `redeliver` and GitHub's delivery API take). */
  id: number;
  /** `X-GitHub-Delivery`; a redelivery keeps the original's. */
  guid: string;
  event: string;
  action: string | undefined;
  installationId: number | undefined;
  repositoryId: number | undefined;
  redelivery: boolean;
  payload: unknown;
  headers: Readonly<Record<string, string>>;
  /** `no-target` when no webhook URL was set: GitHub would have dropped it too. */
  status: 'pending' | 'delivered' | 'failed' | 'no-target';
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  deliveredAt: string | null;
  target: string | undefined;
};

export type WebhookInput = { event: string; action: string | undefined; payload: unknown; installationId: number | undefined; repositoryId: number | undefined };

/** Signs and delivers webhooks asynchronously, in order, keeping a log that supports redelivery. */
export type WebhookQueue = {
  setTarget(url: string | undefined): void;
  target(): string | undefined;
  enqueue(input: WebhookInput): Delivery;
  list(): readonly Delivery[];
  /** Sends a logged delivery again with the same guid and body; undefined when there is no such delivery. */
  redeliver(id: number | string): Delivery | undefined;
};

export type WebhookQueueDeps = {
  secret: string;
  appId: number;
  hookId: number;
  clock: SandboxClock;
  tasks: TaskTracker;
  nextId(): number;
  /** Called with every delivery before it is sent (the fidelity check). */
  inspect(delivery: Delivery): void;
  timeoutMs: number;
};

/** `sha256=<hex>`: the `X-Hub-Signature-256` of a body. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function headersFor(deps: WebhookQueueDeps, input: WebhookInput, guid: string, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/sandbox',
    'x-github-event': input.event,
    'x-github-delivery': guid,
    'x-github-hook-id': String(deps.hookId),
    'x-github-hook-installation-target-id': String(deps.appId),
    'x-github-hook-installation-target-type': 'integration',
    'x-hub-signature': `sha1=${createHmac('sha1', deps.secret).update(body).digest('hex')}`,
    'x-hub-signature-256': signWebhookBody(deps.secret, body),
  };
}

export function createWebhookQueue(deps: WebhookQueueDeps): WebhookQueue {
  let target: string | undefined;
  const log: Delivery[] = [];
  const bodies = new Map<number, string>();
  // One delivery at a time, in the order events happened: apps see a causal sequence.
  let chain: Promise<void> = Promise.resolve();

  async function send(delivery: Delivery, body: string): Promise<void> {
    const started = deps.clock.now();
    const url = delivery.target;
    if (url === undefined) return;
    try {
      const response = await fetch(url, { method: 'POST', headers: delivery.headers, body, signal: AbortSignal.timeout(deps.timeoutMs) });
      await response.arrayBuffer();
      delivery.statusCode = response.status;
      delivery.status = response.ok ? 'delivered' : 'failed';
    } catch (error) {
      delivery.status = 'failed';
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    delivery.durationMs = deps.clock.now() - started;
    delivery.deliveredAt = deps.clock.iso();
  }

  function schedule(delivery: Delivery, body: string): void {
    deps.inspect(delivery);
    if (delivery.target === undefined) {
      delivery.status = 'no-target';
      return;
    }
    const run = chain.then(() => send(delivery, body));
    chain = run.catch(() => undefined);
    deps.tasks.track(`deliver ${delivery.event}`, () => run);
  }

  function record(input: WebhookInput, guid: string, body: string, redelivery: boolean): Delivery {
    const delivery: Delivery = {
      id: deps.nextId(),
      guid,
      event: input.event,
      action: input.action,
      installationId: input.installationId,
      repositoryId: input.repositoryId,
      redelivery,
      payload: JSON.parse(body),
      headers: headersFor(deps, input, guid, body),
      status: 'pending',
      statusCode: null,
      error: null,
      durationMs: 0,
      deliveredAt: null,
      target,
    };
    log.push(delivery);
    bodies.set(delivery.id, body);
    schedule(delivery, body);
    return delivery;
  }

  return {
    setTarget(url) {
      target = url;
    },
    target: () => target,
    enqueue(input) {
      return record(input, randomUUID(), JSON.stringify(input.payload), false);
    },
    list: () => [...log],
    redeliver(id) {
      const original = log.find((delivery) => delivery.id === id || delivery.guid === id);
      const body = original === undefined ? undefined : bodies.get(original.id);
      if (original === undefined || body === undefined) return undefined;
      return record(original, original.guid, body, true);
    },
  };
}
