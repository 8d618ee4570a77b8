import type { Sale } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { apiClient } from '../testing/api-client.ts';
import { buildStaff } from '../testing/build-documents.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildRefund, buildSale, demoProducts, login } from '../testing/test-app.ts';

/**
 * Guards against a document reaching into another tenant: ids of the harbour tenant's staff,
 * store and till named in the demo tenant's pushes grant nothing and change nothing there.
 * Every question is asked of the token's tenant, never of one a document names.
 */
describe('ids of another tenant in pushed documents', () => {
  const product = demoProducts().find((p) => p.price >= 500);
  if (product === undefined) throw new Error('no demo product over 5.00');
  let nextSeq = 1;
  const demo = useDemoApp();

  const harbourRows = async () =>
    (
      await demo.t.db.query(
        `select collection, id, seq, data from documents where tenant_id = 'harbour'
         union all
         select 'quarantine', document_id, 0, body from quarantine where tenant_id = 'harbour'
         order by 1, 2`,
        [],
      )
    ).rows;
  const signIn = async (email: string, password: string) =>
    apiClient(demo.t, (await login(demo.t.app, email, password)).access_token);

  it('grant nothing in sales, refunds, discounts and stock, and leave harbour as it was', async () => {
    const before = await harbourRows();
    const original = buildSale(nextSeq++, [{ product, quantity: 2000 }]);
    await demo.cashier.push('sales', [original]);

    const asHarbourCashier = buildSale(nextSeq++, [{ product, quantity: 1000 }], {
      cashierId: 'staff-harbour-cashier',
    });
    const approvedInHarbour = buildRefund(original, nextSeq++, 1000, [], 'staff-harbour-manager');
    const discounted = buildSale(nextSeq++, [
      {
        product,
        quantity: 1000,
        discount: {
          type: 'percent',
          value: 40_000,
          reason: 'friend',
          approvedBy: 'staff-harbour-owner',
        },
      },
    ]);
    const atHarbour = {
      ...buildSale(nextSeq++, [{ product, quantity: 1000 }]),
      storeId: 'store-harbour',
      deviceId: 'device-h1',
    };
    const sales = await demo.cashier.push('sales', [
      asHarbourCashier,
      approvedInHarbour,
      discounted,
      atHarbour,
    ]);
    const stock = await demo.manager.push('stock_movements', [
      {
        id: 'mv-into-harbour',
        updatedAt: '2026-01-01T00:00:00.000Z',
        _deleted: false,
        productId: 'prod-hc-001',
        storeId: 'store-harbour',
        quantity: 1_000_000,
        reason: 'receive',
        saleId: null,
        createdBy: 'staff-manager',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ]);

    expect(sales.body.rejected.map((r) => [r.id, r.code])).toEqual([
      [asHarbourCashier.id, 'not_permitted'],
      [approvedInHarbour.id, 'refund_not_approved'],
      [atHarbour.id, 'unknown_store'],
    ]);
    const stored = await demo.manager.get<Sale>(`/api/sales/${discounted.id}`);
    expect(stored.body.server?.issues.map((issue) => issue.code)).toEqual([
      'discount_not_approved',
    ]);
    expect(stock.body.rejected.map((r) => r.code)).toEqual(['unknown_store']);
    expect(await harbourRows()).toEqual(before);
  });

  it('makes a demo staff document named like a harbour user no power over harbour', async () => {
    const owner = await signIn('owner@demo.test', 'owner123');
    const impostor = buildStaff('staff-harbour-cashier', { roles: ['owner'], storeIds: [] });
    const before = await harbourRows();

    expect((await owner.push('staff', [impostor])).body).toEqual({ conflicts: [], rejected: [] });

    const hana = await signIn('cashier@harbour.test', 'cashier123');
    const milo = await signIn('manager@harbour.test', 'manager123');
    expect((await hana.get('/api/quarantine')).status).toBe(403);
    expect((await hana.push('stores', [{ id: 'store-main' }])).status).toBe(403);
    expect((await milo.get('/api/stock/on-hand?storeId=store-main')).status).toBe(403);
    const harbourSales = await milo.get<{ sales: Sale[] }>('/api/sales');
    expect(harbourSales.status).toBe(200);
    expect(harbourSales.body.sales).toEqual([]);
    expect(await harbourRows()).toEqual(before);
  });
});
