import { describe, expect, it } from 'vitest';

import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts } from '../testing/test-app.ts';

interface Receipt {
  saleId: string;
  email: string;
  status: string;
  createdAt: string;
}

describe('receipt emails', () => {
  let nextSeq = 1;
  const product = demoProducts()[0];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp();

  const outbox = async () =>
    (await demo.manager.get<{ receipts: Receipt[] }>('/api/receipt-outbox')).body.receipts;
  const withEmail = (email: string) =>
    buildSale(nextSeq++, [{ product, quantity: 1000 }], { receiptEmail: email });

  it('queues the email of a stored sale once, however often the sale is pushed', async () => {
    const sale = withEmail('ada@example.com');

    await demo.cashier.push('sales', [sale]);
    await demo.cashier.push('sales', [sale]);

    expect(await outbox()).toEqual([
      {
        saleId: sale.id,
        email: 'ada@example.com',
        status: 'queued',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('queues it for a flagged sale too, but not for one in quarantine', async () => {
    const sale = withEmail('flagged@example.com');
    const flagged = { ...sale, totals: { ...sale.totals, total: sale.totals.total + 1 } };
    const unknownStore = { ...withEmail('nowhere@example.com'), storeId: 'store-nowhere' };

    const pushed = await demo.cashier.push('sales', [flagged, unknownStore]);

    expect(pushed.body.rejected.map((r) => r.id)).toEqual([unknownStore.id]);
    expect((await outbox()).map((r) => r.email).sort()).toEqual([
      'ada@example.com',
      'flagged@example.com',
    ]);
  });

  it('queues nothing for a sale without an email', async () => {
    await demo.cashier.push('sales', [buildSale(nextSeq++, [{ product, quantity: 1000 }])]);

    expect(await outbox()).toHaveLength(2);
  });

  it('shows the outbox to managers only', async () => {
    expect((await demo.cashier.get('/api/receipt-outbox')).status).toBe(403);
    expect((await demo.manager.get('/api/receipt-outbox?status=sent')).body).toEqual({
      receipts: [],
    });
  });
});
