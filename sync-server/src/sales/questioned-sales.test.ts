import type { Sale } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts } from '../testing/test-app.ts';

/**
 * Guards against questionable sales stored as accepted: each is kept (it happened) but
 * flagged with one issue per problem, so a manager looks at it.
 */
describe('sales the server should question', () => {
  let nextSeq = 1;
  const product = demoProducts()[8];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp();

  const newSale = () => buildSale(nextSeq++, [{ product, quantity: 1000 }]);
  const issuesAfterPush = async (sale: Sale) => {
    const pushed = await demo.cashier.push('sales', [sale]);
    expect(pushed.body.rejected).toEqual([]);
    const stored = await demo.manager.get<Sale>(`/api/sales/${sale.id}`);
    return {
      status: stored.body.server?.status,
      codes: stored.body.server?.issues.map((issue) => issue.code),
    };
  };
  const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

  it('accepts an ordinary sale without issues', async () => {
    expect(await issuesAfterPush(newSale())).toEqual({ status: 'accepted', codes: [] });
  });

  it.each([
    [
      'unknown_product',
      (sale: Sale): Sale => ({
        ...sale,
        lines: sale.lines.map((line) => ({ ...line, productId: 'prod-nowhere' })),
      }),
    ],
    [
      'currency_mismatch',
      (sale: Sale): Sale => ({ ...sale, pricing: { ...sale.pricing, currency: 'USD' } }),
    ],
    ['clock_drift', (sale: Sale): Sale => ({ ...sale, createdAt: hoursFromNow(25) })],
    ['clock_drift', (sale: Sale): Sale => ({ ...sale, createdAt: hoursFromNow(-25) })],
  ])('stores a sale with %s flagged', async (code, change) => {
    expect(await issuesAfterPush(change(newSale()))).toEqual({ status: 'flagged', codes: [code] });
  });

  it('lets a device clock a few hours off pass', async () => {
    const sale = { ...newSale(), createdAt: hoursFromNow(-23) };
    expect(await issuesAfterPush(sale)).toEqual({ status: 'accepted', codes: [] });
  });
});
