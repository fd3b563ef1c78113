import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { at } from '../../../test/helpers/store-builders.js';
import { findDelivery, recordDeliveryOnce, setDeliveryStatus } from './index.js';

describeEachDatabase('webhook deliveries', (context) => {
  it('sees each X-GitHub-Delivery id once, however often it is redelivered', async () => {
    const input = { deliveryId: '72d3162e-cc78-11e3-81ab-4c9367dc0958', event: 'push', now: at(0) };
    const outcomes = [await recordDeliveryOnce(context.db, input)];
    outcomes.push(...(await Promise.all([1, 2, 3].map((minute) => recordDeliveryOnce(context.db, { ...input, now: at(minute) })))));
    expect(outcomes).toEqual(['new', 'duplicate', 'duplicate', 'duplicate']);
    expect(await findDelivery(context.db, input.deliveryId)).toEqual({
      deliveryId: input.deliveryId,
      event: 'push',
      action: null,
      status: 'received',
      receivedAt: at(0),
      updatedAt: at(0),
    });
  });

  it('notes what became of a delivery', async () => {
    await recordDeliveryOnce(context.db, { deliveryId: 'd-2', event: 'pull_request', action: 'closed', now: at(0) });
    await setDeliveryStatus(context.db, { deliveryId: 'd-2', status: 'processed', now: at(1) });
    expect(await findDelivery(context.db, 'd-2')).toMatchObject({ action: 'closed', status: 'processed', updatedAt: at(1) });
    expect(await findDelivery(context.db, 'never-seen')).toBeUndefined();
  });

  it('forgets a delivery whose transaction rolled back, so its redelivery is new', async () => {
    const input = { deliveryId: 'd-3', event: 'push', now: at(0) };
    const failed = context.db.transaction(async (tx) => {
      await recordDeliveryOnce(tx, input);
      throw new Error('enqueue failed');
    });
    await expect(failed).rejects.toThrow('enqueue failed');
    expect(await recordDeliveryOnce(context.db, input)).toBe('new');
  });
});
