import { describe, expect, it } from 'vitest';

import { useDemoApp } from '../testing/demo-app.ts';
import { buildRefund, buildSale, demoProducts } from '../testing/test-app.ts';

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
  const product = demoProducts()[0];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp();

  it('lists what was not applied with why, who pushed it and the document as pushed', async () => {
    const sale = buildSale(1, [{ product, quantity: 1000 }]);
    const unapproved = buildRefund(sale, 2, 1000, [], null);
    await demo.cashier.push('sales', [sale, unapproved]);

    const listed = await demo.manager.get<{ entries: Entry[] }>('/api/quarantine?limit=10');

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
    expect((await demo.cashier.get('/api/quarantine')).status).toBe(403);
  });
});
