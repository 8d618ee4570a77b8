import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiClient, type ApiClient, type Doc } from '../testing/api-client.ts';
import {
  buildSale,
  createTestApp,
  demoProducts,
  login,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';

/**
 * Guards against a till waiting forever after a lost push response: a re-push of the same
 * sale gets the master (with the server's part) back as a conflict, and nothing is written.
 */
describe('re-pushing a sale after the response was lost', () => {
  let t: TestApp;
  let cashier: ApiClient;
  const product = demoProducts()[2];
  if (product === undefined) throw new Error('no demo product');

  beforeAll(async () => {
    t = await createTestApp();
    cashier = apiClient(t, (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const seqOf = async (id: string) =>
    (
      await t.db.query<{ seq: string }>(
        `select seq from documents where collection = 'sales' and id = $1`,
        [id],
      )
    ).rows[0]?.seq;

  it('returns the master when the till assumed its own old copy, writing nothing', async () => {
    const sale = buildSale(1, [{ product, quantity: 1000 }]);
    await cashier.push('sales', [sale]);
    const seq = await seqOf(sale.id);

    const retry = await cashier.pushRows('sales', [
      { assumedMasterState: sale, newDocumentState: sale },
    ]);

    expect(retry.body.rejected).toEqual([]);
    expect(retry.body.conflicts).toEqual([{ ...sale, server: expect.any(Object) }]);
    expect(await seqOf(sale.id)).toBe(seq);
  });

  it('answers no conflict once the till holds the master with its server part', async () => {
    const sale = buildSale(2, [{ product, quantity: 1000 }]);
    const first = await cashier.push('sales', [sale]);
    expect(first.body.conflicts).toEqual([]);
    const master = (await cashier.push('sales', [sale])).body.conflicts[0] as Doc;

    const again = await cashier.pushRows('sales', [
      { assumedMasterState: master, newDocumentState: master },
    ]);

    expect(again.body).toEqual({ conflicts: [], rejected: [] });
  });
});
