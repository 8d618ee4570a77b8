import { formatReceiptNumber, type Sale } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { writeDocuments } from '../replication/write-documents.ts';
import type { ApiClient } from '../testing/api-client.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildRefund, buildSale, demoProducts } from '../testing/test-app.ts';

interface Lookup {
  sales: Sale[];
  refunds: Sale[];
}

describe('finding a sale for a refund at another till', () => {
  const product = demoProducts()[4];
  if (product === undefined) throw new Error('no demo product');

  // Rung up on till T2; the customer brings it back to till T1.
  const atOtherTill: Sale = {
    ...buildSale(1, [{ product, quantity: 2000 }]),
    deviceId: 'device-t2',
    receiptNumber: formatReceiptNumber('MS', 'T2', 1),
  };

  const demo = useDemoApp(async ({ t, cashier }) => {
    await t.db.transaction((tx) =>
      writeDocuments(tx, 'demo', 'devices', [
        {
          id: 'device-t2',
          updatedAt: '2026-03-02T09:00:00.000Z',
          _deleted: false,
          storeId: 'store-main',
          code: 'T2',
          name: 'Till 2',
        },
      ]),
    );
    await cashier.push('sales', [atOtherTill]);
  });

  const byReceipt = (client: ApiClient, number: string, store = 'store-main') =>
    client.get<Lookup>(`/api/sales?receiptNumber=${encodeURIComponent(number)}&storeId=${store}`);

  it('finds the sale by its exact receipt number, with the refunds made so far', async () => {
    const firstRefund = buildRefund(atOtherTill, 7, 500);
    await demo.manager.push('sales', [firstRefund]);

    const found = await byReceipt(demo.manager, 'MS-T2-000001');

    expect(found.status).toBe(200);
    expect(found.body.sales.map((s) => s.id)).toEqual([atOtherTill.id]);
    expect(found.body.sales[0]?.server?.status).toBe('accepted');
    expect(found.body.refunds.map((r) => r.id)).toEqual([firstRefund.id]);
  });

  it('finds nothing for a number that is only close', async () => {
    expect((await byReceipt(demo.manager, 'MS-T2-00000')).body).toEqual({ sales: [], refunds: [] });
  });

  it('lets the found sale be refunded from this till, up to what is left', async () => {
    const found = (await byReceipt(demo.manager, 'MS-T2-000001')).body;
    const original = found.sales[0];
    if (original === undefined) throw new Error('not found');

    const rest = buildRefund(original, 8, 1500, found.refunds);
    const tooMuch = buildRefund(original, 9, 500, [...found.refunds, rest]);
    const pushed = await demo.cashier.push('sales', [rest, tooMuch]);

    expect(pushed.body.rejected.map((r) => [r.id, r.code])).toEqual([[tooMuch.id, 'over_refund']]);
  });

  it('is for people who may refund: not for a cashier, nor by id', async () => {
    expect((await byReceipt(demo.cashier, 'MS-T2-000001')).status).toBe(403);
    expect((await demo.cashier.get(`/api/sales/${atOtherTill.id}`)).status).toBe(403);
    expect((await demo.manager.get(`/api/sales/${atOtherTill.id}`)).status).toBe(200);
    expect((await demo.manager.get('/api/sales?receiptNumber=')).status).toBe(422);
  });
});
