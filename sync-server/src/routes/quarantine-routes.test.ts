import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiClient, type ApiClient } from '../testing/api-client.ts';
import {
  buildRefund,
  buildSale,
  createTestApp,
  demoProducts,
  login,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';

interface Entry {
  collection: string;
  documentId: string;
  code: string;
  message: string;
  receivedAt: string;
  userId: string;
  body: Record<string, unknown>;
}

describe('the quarantine, for managers', () => {
  let t: TestApp;
  let cashier: ApiClient;
  let manager: ApiClient;
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

  it('lists what was not applied with why, who pushed it and the document as pushed', async () => {
    const sale = buildSale(1, [{ product, quantity: 1000 }]);
    const unapproved = buildRefund(sale, 2, 1000, [], null);
    await cashier.push('sales', [sale, unapproved]);

    const listed = await manager.get<{ entries: Entry[] }>('/api/quarantine?limit=10');

    expect(listed.status).toBe(200);
    expect(listed.body.entries).toEqual([
      {
        collection: 'sales',
        documentId: unapproved.id,
        code: 'refund_not_approved',
        message: 'the refund names no approving manager',
        receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        userId: 'staff-cashier',
        body: expect.objectContaining({ id: unapproved.id, kind: 'refund' }),
      },
    ]);
  });

  it('is not for cashiers', async () => {
    expect((await cashier.get('/api/quarantine')).status).toBe(403);
  });
});
