import type { Shift } from '@pos/shared';
import { afterEach, describe, expect, it } from 'vitest';

import { buildCustomer, buildShift, buildStaff } from '../testing/build-documents.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildRefund, buildSale, demoProducts } from '../testing/test-app.ts';

/**
 * Guards against a push half applied, or applied unchecked, while the permission backend is
 * down: the whole request fails as `unavailable` with the wire error, nothing of it is stored
 * (not even in quarantine), and the same push succeeds once the backend is back.
 */
describe('when the authorizer cannot answer', () => {
  const product = demoProducts()[3];
  if (product === undefined) throw new Error('no demo product');
  const demo = useDemoApp();

  afterEach(() => {
    demo.t.authorizer.down = false;
  });

  const traces = async (ids: string[]) => {
    const { rows } = await demo.t.db.query<{ n: number }>(
      `select
         (select count(*) from documents where id = any($1::text[])
            or data ->> 'saleId' = any($1::text[]))
       + (select count(*) from quarantine where document_id = any($1::text[]))
       + (select count(*) from sale_receipts where sale_id = any($1::text[]))
       + (select count(*) from receipt_outbox where sale_id = any($1::text[])) as n`,
      [ids],
    );
    return rows[0]?.n;
  };

  it('answers 503 to a push of sales and writes nothing of it, then takes it when back', async () => {
    const sale = buildSale(1, [{ product, quantity: 1000 }], { receiptEmail: 'a@b.test' });
    const refund = buildRefund(sale, 2, 1000);
    const invalid = { ...buildSale(3, [{ product, quantity: 1000 }]), lines: [] };
    const batch = [sale, refund, invalid];
    const ids = batch.map((document) => document.id);

    demo.t.authorizer.down = true;
    const refused = await demo.cashier.push('sales', batch);

    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({
      kind: 'unavailable',
      message: 'permissions cannot be checked now',
    });
    expect(await traces(ids)).toBe(0);

    demo.t.authorizer.down = false;
    const retried = await demo.cashier.push('sales', batch);

    expect(retried.status).toBe(200);
    expect(retried.body.rejected.map((r) => [r.id, r.code])).toEqual([
      [invalid.id, 'invalid_document'],
    ]);
    expect(await traces(ids)).toBeGreaterThan(0);
  });

  it('answers 503 to back-office pushes and report reads alike', async () => {
    demo.t.authorizer.down = true;

    const staff = await demo.manager.push('staff', [buildStaff('staff-new')]);
    const movement = await demo.manager.push('stock_movements', [
      {
        id: 'mv-down',
        updatedAt: '2026-01-01T00:00:00.000Z',
        _deleted: false,
        productId: product.id,
        storeId: 'store-main',
        quantity: 1000,
        reason: 'receive',
        saleId: null,
        createdBy: 'staff-manager',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    const reads = await Promise.all(
      [
        '/api/sales',
        '/api/stock/on-hand?storeId=store-main',
        '/api/quarantine',
        '/api/shifts',
        '/api/shifts/shift-x/report',
      ].map((path) => demo.manager.get<{ kind: string }>(path)),
    );

    expect([staff.status, movement.status]).toEqual([503, 503]);
    expect(reads.map((read) => [read.status, read.body.kind])).toEqual(
      reads.map(() => [503, 'unavailable']),
    );
    expect(await traces(['staff-new', 'mv-down'])).toBe(0);
  });

  it('answers 503 to a shift opening too: who opened the drawer must still be allowed to sell', async () => {
    demo.t.authorizer.down = true;
    const open: Shift = buildShift('shift-down');

    const pushed = await demo.cashier.push('shifts', [open]);

    expect(pushed.status).toBe(503);
    expect(await traces(['shift-down'])).toBe(0);
  });

  it('still takes pushes that ask it nothing, such as a new customer', async () => {
    demo.t.authorizer.down = true;

    const pushed = await demo.cashier.push('customers', [buildCustomer('cust-down', {})]);

    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
  });
});
