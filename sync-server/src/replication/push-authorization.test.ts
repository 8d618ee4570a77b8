import type { Discount, Sale } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { apiClient } from '../testing/api-client.ts';
import { buildCashMovement, buildShift, buildStaff } from '../testing/build-documents.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildRefund, buildSale, demoProducts, login } from '../testing/test-app.ts';
import { writeDocuments } from './write-documents.ts';

interface QuarantineEntry {
  collection: string;
  documentId: string;
  code: string;
  message: string;
  userId: string;
}

const percent = (milliPercent: number, approvedBy: string | null): Discount => ({
  type: 'percent',
  value: milliPercent,
  reason: 'loyal customer',
  approvedBy,
});

/**
 * Guards against writes decided by whoever happens to be signed in: every sale is checked for
 * the staff it names (cashier, refund and discount approvers) through the authorizer, in one
 * round trip per push, and a sale its cashier may no longer make is kept, never dropped.
 */
describe('pushed sales, checked through the authorizer', () => {
  let nextSeq = 1;
  const product = demoProducts().find((p) => p.price >= 500);
  if (product === undefined) throw new Error('no demo product over 5.00');

  const demo = useDemoApp(async ({ t }) => {
    await t.db.transaction((tx) =>
      writeDocuments(tx, 'demo', 'staff', [
        buildStaff('staff-leaver', { roles: ['cashier'], _deleted: true }),
        buildStaff('staff-moved', { roles: ['cashier'], storeIds: ['store-elsewhere'] }),
      ]),
    );
  });

  const sale = (options: { cashierId?: string; discount?: Discount } = {}): Sale =>
    buildSale(
      nextSeq++,
      [
        {
          product,
          quantity: 2000,
          ...(options.discount === undefined ? {} : { discount: options.discount }),
        },
      ],
      options.cashierId === undefined ? {} : { cashierId: options.cashierId },
    );
  const storedIds = async (ids: string[]) => {
    const { rows } = await demo.t.db.query<{ id: string }>(
      `select id from documents where tenant_id = 'demo' and id = any($1::text[]) order by id`,
      [ids],
    );
    return rows.map((row) => row.id);
  };
  const storedServer = async (id: string) =>
    (await demo.manager.get<Sale>(`/api/sales/${id}`)).body.server;

  it('quarantines, never drops, the sale of a cashier removed since, and lists it', async () => {
    const byLeaver = { ...sale({ cashierId: 'staff-leaver' }), cashierName: 'Lee Leaver' };
    const byMoved = sale({ cashierId: 'staff-moved' });
    const ordinary = sale();

    const pushed = await demo.cashier.push('sales', [byLeaver, byMoved, ordinary]);

    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected).toEqual([
      {
        id: byLeaver.id,
        code: 'not_permitted',
        message: expect.stringContaining('Lee Leaver (staff-leaver) may not sell in store'),
      },
      { id: byMoved.id, code: 'not_permitted', message: expect.any(String) },
    ]);
    expect(await storedIds([byLeaver.id, byMoved.id, ordinary.id])).toEqual([ordinary.id]);

    const listed = await demo.manager.get<{ entries: QuarantineEntry[] }>('/api/quarantine');
    const entries = listed.body.entries.filter((entry) => entry.code === 'not_permitted');
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          collection: 'sales',
          documentId: byLeaver.id,
          userId: 'staff-cashier',
          message: expect.stringContaining('Selling needs a cashier role in this store'),
        }),
        expect.objectContaining({ documentId: byMoved.id }),
      ]),
    );
  });

  it('quarantines a shift opened, or cash moved, by staff who may no longer sell there', async () => {
    const byLeaver = buildShift('shift-leaver', { openedBy: 'staff-leaver', deviceId: 'device-x' });
    const ordinary = buildShift('shift-ordinary');
    const moved = {
      ...buildCashMovement('cash-moved', ordinary.id, 'in', 5_00),
      createdBy: 'staff-moved',
    };

    const shifts = await demo.cashier.push('shifts', [byLeaver, ordinary]);
    const cash = await demo.cashier.push('cash_movements', [moved]);

    expect(shifts.body.rejected).toEqual([
      { id: byLeaver.id, code: 'not_permitted', message: expect.stringContaining('staff-leaver') },
    ]);
    expect(cash.body.rejected).toEqual([
      { id: moved.id, code: 'not_permitted', message: expect.stringContaining('staff-moved') },
    ]);
    expect(await storedIds([byLeaver.id, ordinary.id, moved.id])).toEqual([ordinary.id]);
  });

  it('stores the same sale once its cashier may sell again, when the till pushes it again', async () => {
    const late = sale({ cashierId: 'staff-moved' });
    expect((await demo.cashier.push('sales', [late])).body.rejected).toHaveLength(1);

    await demo.t.db.transaction((tx) =>
      writeDocuments(tx, 'demo', 'staff', [buildStaff('staff-moved', { roles: ['cashier'] })]),
    );
    const again = await demo.cashier.push('sales', [late]);

    expect(again.body).toEqual({ conflicts: [], rejected: [] });
    expect(await storedIds([late.id])).toEqual([late.id]);
  });

  it('refuses a refund a cashier approved and passes the one a manager approved', async () => {
    const original = sale();
    await demo.cashier.push('sales', [original]);
    const byCashier = buildRefund(original, nextSeq++, 1000, [], 'staff-cashier');
    const byManager = buildRefund(original, nextSeq++, 1000, [], 'staff-manager');

    const pushed = await demo.cashier.push('sales', [byCashier, byManager]);

    expect(pushed.body.rejected).toEqual([
      {
        id: byCashier.id,
        code: 'refund_not_approved',
        message:
          'Casey Cashier may not approve refunds in store store-main: Refunds need a manager',
      },
    ]);
    expect(await storedIds([byCashier.id, byManager.id])).toEqual([byManager.id]);
  });

  it('flags a discount over the cashier’s store limit that a cashier approved, not a manager’s', async () => {
    // The demo store lets a cashier give 10 % alone and a manager 50 %.
    const cashierApproved = sale({ discount: percent(15_000, 'staff-cashier') });
    const managerApproved = sale({ discount: percent(15_000, 'staff-manager') });
    const withinLimit = sale({ discount: percent(10_000, null) });

    await demo.cashier.push('sales', [cashierApproved, managerApproved, withinLimit]);

    expect(await storedServer(cashierApproved.id)).toMatchObject({
      status: 'flagged',
      issues: [
        {
          code: 'discount_not_approved',
          message: expect.stringContaining(
            'approved by Casey Cashier: A 15% discount needs approval: your limit in this store is 10%',
          ),
        },
      ],
    });
    expect(await storedServer(managerApproved.id)).toMatchObject({ status: 'accepted' });
    expect(await storedServer(withinLimit.id)).toMatchObject({ status: 'accepted' });
  });

  it('asks every question of a push in one round trip', async () => {
    const original = sale();
    await demo.cashier.push('sales', [original]);
    const batch = [
      sale({ discount: percent(20_000, 'staff-manager') }),
      sale({ cashierId: 'staff-manager' }),
      buildRefund(original, nextSeq++, 1000),
    ];
    const before = demo.t.authorizer.batches.length;

    await demo.cashier.push('sales', batch);

    // sell ×3 (two alike), the cashier's and the approver's discount, the refund approval.
    expect(demo.t.authorizer.batches.slice(before)).toEqual([5]);
  });

  it('refuses the whole push of someone who is not a staff member of the tenant', async () => {
    const embedded = demo.t.auth.embedded;
    if (embedded === undefined) throw new Error('the test app signs in itself');
    const ghost = await embedded.issueFor({
      userId: 'staff-ghost',
      tenantId: 'demo',
      roles: ['cashier'],
      name: 'Ghost',
      email: 'ghost@demo.test',
    });
    const orphan = sale();

    const pushed = await apiClient(demo.t, ghost.access_token).push('sales', [orphan]);

    expect(pushed.status).toBe(403);
    expect(pushed.body).toMatchObject({ kind: 'forbidden' });
    expect(await storedIds([orphan.id])).toEqual([]);
  });

  it('lets an owner open a store, and keeps a manager of another store out of its reports', async () => {
    const owner = apiClient(
      demo.t,
      (await login(demo.t.app, 'owner@demo.test', 'owner123')).access_token,
    );
    const { rows } = await demo.t.db.query<{ data: Record<string, unknown> }>(
      `select data from documents where tenant_id = 'demo' and collection = 'stores'`,
      [],
    );
    const north = { ...rows[0]?.data, id: 'store-north', code: 'NS', name: 'North Side' };

    const byManager = await demo.manager.push('stores', [north]);
    const byOwner = await owner.push('stores', [north]);

    expect(byManager.status).toBe(403);
    expect(byOwner.body).toEqual({ conflicts: [], rejected: [] });
    expect((await owner.get('/api/stock/on-hand?storeId=store-north')).status).toBe(200);
    expect((await demo.manager.get('/api/stock/on-hand?storeId=store-north')).status).toBe(403);
    expect((await demo.manager.get('/api/stock/on-hand?storeId=store-main')).status).toBe(200);
    expect(demo.t.authorizer.synced).toContain('demo');
  });
});
