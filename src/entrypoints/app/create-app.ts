import type { ApplicationFunction } from 'probot';
import { z } from 'zod';
import type { Queue } from '../../adapters/queue/index.js';
import type { Db } from '../../adapters/store/index.js';
import { recordDeliveryOnce, setDeliveryStatus } from '../../adapters/store/index.js';
import { planWebhookJob } from './webhook-jobs.js';

/** What the webhook side of the app needs: where to record deliveries and enqueue work. */
export type AppDeps = {
  db: Db;
  queue: Pick<Queue, 'send'>;
  app: { slug: string; branchPrefix: string };
  now(): Date;
};

const actionSchema = z.object({ action: z.string().optional() }).passthrough();

/**
 * The Probot app: every webhook is recorded once by its `X-GitHub-Delivery` id and turned into at
 * most one job, in one transaction — GitHub never retries, so nothing may be lost between the two,
 * and a redelivery must not do the work twice.
 */
export function createDownstreamApp(deps: AppDeps): ApplicationFunction {
  return (probot) => {
    probot.onAny(async (context) => {
      const action = actionSchema.safeParse(context.payload);
      const job = planWebhookJob({ name: context.name, payload: context.payload, id: context.id }, deps.app);
      const now = deps.now();
      await deps.db.transaction(async (tx) => {
        const seen = await recordDeliveryOnce(tx, { deliveryId: context.id, event: context.name, ...(action.success && action.data.action !== undefined ? { action: action.data.action } : {}), now });
        if (seen === 'duplicate') return;
        if (job === undefined) {
          await setDeliveryStatus(tx, { deliveryId: context.id, status: 'ignored', now });
          return;
        }
        await deps.queue.send(job.name, job.data, { in: tx });
      });
    });
  };
}
