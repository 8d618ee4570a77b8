import { describe, expect, it } from 'vitest';

import type { Doc } from '../testing/api-client.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts } from '../testing/test-app.ts';

/**
 * Guards against a till waiting forever after a lost push response: a re-push of the same
 * sale gets the master (with the server's part) back as a conflict, and nothing is written.
 */
describe('re-pushing a sale after the response was lost', () => {
  const product = demoProducts()[2];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp();

  const seqOf = async (id: string) =>
    (
      await demo.t.db.query<{ seq: string }>(
        `select seq from documents where collection = 'sales' and id = $1`,
        [id],
      )
    ).rows[0]?.seq;

  it('returns the master when the till assumed its own old copy, writing nothing', async () => {
    const sale = buildSale(1, [{ product, quantity: 1000 }]);
    await demo.cashier.push('sales', [sale]);
    const seq = await seqOf(sale.id);

    const retry = await demo.cashier.pushRows('sales', [
      { assumedMasterState: sale, newDocumentState: sale },
    ]);

    expect(retry.body.rejected).toEqual([]);
    expect(retry.body.conflicts).toEqual([{ ...sale, server: expect.any(Object) }]);
    expect(await seqOf(sale.id)).toBe(seq);
  });

  it('answers no conflict once the till holds the master with its server part', async () => {
    const sale = buildSale(2, [{ product, quantity: 1000 }]);
    const first = await demo.cashier.push('sales', [sale]);
    expect(first.body.conflicts).toEqual([]);
    const master = (await demo.cashier.push('sales', [sale])).body.conflicts[0] as Doc;

    const again = await demo.cashier.pushRows('sales', [
      { assumedMasterState: master, newDocumentState: master },
    ]);

    expect(again.body).toEqual({ conflicts: [], rejected: [] });
  });
});
