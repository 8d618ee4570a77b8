import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiClient, type ApiClient } from '../testing/api-client.ts';
import {
  buildSale,
  createTestApp,
  demoProducts,
  login,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';

interface Receipt {
  saleId: string;
  email: string;
  status: string;
  createdAt: string;
}

describe('receipt emails', () => {
  let t: TestApp;
  let cashier: ApiClient;
  let manager: ApiClient;
  let nextSeq = 1;
  const product = demoProducts()[0];
  if (product === undefined) throw new Error('no demo product');

  beforeAll(async () => {
    t = await createTestApp();
    cashier = apiClient(t, (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token);
    manager = apiClient(t, (await login(t.app, 'manager@demo.test', 'manager123')).access_token);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const outbox = async () =>
    (await manager.get<{ receipts: Receipt[] }>('/api/receipt-outbox')).body.receipts;
  const withEmail = (email: string) =>
    buildSale(nextSeq++, [{ product, quantity: 1000 }], { receiptEmail: email });

  it('queues the email of a stored sale once, however often the sale is pushed', async () => {
    const sale = withEmail('ada@example.com');

    await cashier.push('sales', [sale]);
    await cashier.push('sales', [sale]);

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

    const pushed = await cashier.push('sales', [flagged, unknownStore]);

    expect(pushed.body.rejected.map((r) => r.id)).toEqual([unknownStore.id]);
    expect((await outbox()).map((r) => r.email).sort()).toEqual([
      'ada@example.com',
      'flagged@example.com',
    ]);
  });

  it('queues nothing for a sale without an email', async () => {
    await cashier.push('sales', [buildSale(nextSeq++, [{ product, quantity: 1000 }])]);

    expect(await outbox()).toHaveLength(2);
  });

  it('shows the outbox to managers only', async () => {
    expect((await cashier.get('/api/receipt-outbox')).status).toBe(403);
    expect((await manager.get('/api/receipt-outbox?status=sent')).body).toEqual({ receipts: [] });
  });
});
