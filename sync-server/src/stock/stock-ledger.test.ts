import type { StockMovement } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts } from '../testing/test-app.ts';

/** Guards against a stock ledger writable by cashiers: entries are immutable, authored, real. */
describe('the stock ledger over push', () => {
  const product = demoProducts()[6];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp();

  const receive = (id: string, overrides: Partial<StockMovement> = {}): StockMovement => ({
    id,
    updatedAt: '2026-01-01T00:00:00.000Z',
    _deleted: false,
    productId: product.id,
    storeId: 'store-main',
    quantity: 5000,
    reason: 'receive',
    saleId: null,
    createdBy: 'staff-manager',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  });
  const stored = async (id: string) =>
    (
      await demo.t.db.query<{ data: StockMovement }>(
        `select data from documents where collection = 'stock_movements' and id = $1`,
        [id],
      )
    ).rows[0]?.data;

  it('refuses any movement pushed by a cashier', async () => {
    const pushed = await demo.cashier.push('stock_movements', [
      receive('mv-cashier', { quantity: 100_000_000, createdBy: 'staff-cashier' }),
    ]);

    expect(pushed.status).toBe(403);
    expect(await stored('mv-cashier')).toBeUndefined();
  });

  it('stores a manager’s own movement for a real store and product', async () => {
    const pushed = await demo.manager.push('stock_movements', [receive('mv-ok')]);

    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
    expect(await stored('mv-ok')).toEqual(receive('mv-ok'));
  });

  it('rejects movements in someone else’s name or for an unknown store or product', async () => {
    const pushed = await demo.manager.push('stock_movements', [
      receive('mv-forged', { createdBy: 'staff-cashier' }),
      receive('mv-nostore', { storeId: 'store-nowhere' }),
      receive('mv-noproduct', { productId: 'prod-nowhere' }),
    ]);

    expect(pushed.body.rejected.map((r) => [r.id, r.code])).toEqual([
      ['mv-forged', 'created_by_mismatch'],
      ['mv-nostore', 'unknown_store'],
      ['mv-noproduct', 'unknown_product'],
    ]);
  });

  it('keeps server-written sale movements immutable: edits and deletes come back as conflicts', async () => {
    const sale = buildSale(1, [{ product, quantity: 2000 }]);
    await demo.cashier.push('sales', [sale]);
    const { rows } = await demo.t.db.query<{ data: StockMovement }>(
      `select data from documents where collection = 'stock_movements' and data ->> 'saleId' = $1`,
      [sale.id],
    );
    const master = rows[0]?.data;
    if (master === undefined) throw new Error('the sale wrote no movement');

    const pushed = await demo.manager.pushRows('stock_movements', [
      { assumedMasterState: master, newDocumentState: { ...master, quantity: 100_000_000 } },
      { assumedMasterState: master, newDocumentState: { ...master, _deleted: true } },
    ]);

    expect(pushed.body.conflicts).toEqual([master, master]);
    expect(await stored(master.id)).toEqual(master);
  });
});
