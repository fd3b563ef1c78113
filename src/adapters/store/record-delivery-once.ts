import { z } from 'zod';
import type { Db } from './db.js';
import { parseRow } from './parse-row.js';

/** What became of a webhook delivery. */
export type DeliveryStatus = 'received' | 'processed' | 'ignored' | 'failed';

/** Every delivery status. */
export const deliveryStatuses = ['received', 'processed', 'ignored', 'failed'] as const satisfies readonly DeliveryStatus[];

/** A webhook delivery as recorded, keyed by its `X-GitHub-Delivery` id. */
export type WebhookDelivery = {
  deliveryId: string;
  event: string;
  action: string | null;
  status: DeliveryStatus;
  receivedAt: Date;
  updatedAt: Date;
};

const deliveryRowSchema = z
  .object({
    delivery_id: z.string(),
    event: z.string(),
    action: z.string().nullable(),
    status: z.enum(deliveryStatuses),
    received_at: z.date(),
    updated_at: z.date(),
  })
  .transform(
    (row): WebhookDelivery => ({
      deliveryId: row.delivery_id,
      event: row.event,
      action: row.action,
      status: row.status,
      receivedAt: row.received_at,
      updatedAt: row.updated_at,
    }),
  );

/**
 * Records a delivery the first time its id is seen. Call it in the same transaction as the
 * enqueue it guards, so a crash between the two cannot swallow a delivery.
 */
export async function recordDeliveryOnce(
  db: Db,
  input: { deliveryId: string; event: string; action?: string; now: Date },
): Promise<'new' | 'duplicate'> {
  const { rowCount } = await db.query(
    `INSERT INTO webhook_deliveries (delivery_id, event, action, received_at, updated_at)
     VALUES ($1, $2, $3, $4, $4) ON CONFLICT (delivery_id) DO NOTHING`,
    [input.deliveryId, input.event, input.action ?? null, input.now],
  );
  return rowCount === 1 ? 'new' : 'duplicate';
}

/** Notes what became of a delivery. */
export async function setDeliveryStatus(db: Db, input: { deliveryId: string; status: DeliveryStatus; now: Date }): Promise<void> {
  await db.query('UPDATE webhook_deliveries SET status = $2, updated_at = $3 WHERE delivery_id = $1', [
    input.deliveryId,
    input.status,
    input.now,
  ]);
}

/** The recorded delivery with this id, if any. */
export async function findDelivery(db: Db, deliveryId: string): Promise<WebhookDelivery | undefined> {
  const { rows } = await db.query('SELECT * FROM webhook_deliveries WHERE delivery_id = $1', [deliveryId]);
  return rows.length === 0 ? undefined : parseRow(deliveryRowSchema, rows[0], 'webhook_deliveries');
}
