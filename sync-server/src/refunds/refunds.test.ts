import type { Sale } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { writeDocuments } from '../replication/write-documents.ts';
import { buildStaff } from '../testing/build-documents.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildRefund, buildSale, demoProducts } from '../testing/test-app.ts';

describe('refunds pushed from a till', () => {
  let nextSeq = 1;
  const product = demoProducts()[2];
  if (product === undefined) throw new Error('no demo product');

  const demo = useDemoApp(async ({ t }) => {
    await t.db.transaction((tx) =>
      writeDocuments(tx, 'demo', 'staff', [
        buildStaff('staff-elsewhere', { storeIds: ['store-other'] }),
        buildStaff('staff-gone', { _deleted: true }),
      ]),
    );
  });

  const soldAndStored = async (quantity = 3000) => {
    const sale = buildSale(nextSeq++, [{ product, quantity }]);
    expect((await demo.cashier.push('sales', [sale])).body).toEqual({
      conflicts: [],
      rejected: [],
    });
    return sale;
  };
  const storedIds = async (ids: string[]) => {
    const { rows } = await demo.t.db.query<{ id: string }>(
      `select id from documents where collection = 'sales' and id = any($1::text[]) order by id`,
      [ids],
    );
    return rows.map((row) => row.id);
  };
  const quarantined = async (id: string) => {
    const { rows } = await demo.t.db.query<{ code: string }>(
      'select code from quarantine where document_id = $1',
      [id],
    );
    return rows.map((row) => row.code);
  };

  it('accepts a refund a manager approved, pushed by the cashier', async () => {
    const sale = await soldAndStored();
    const refund = buildRefund(sale, nextSeq++, 1000);

    const pushed = await demo.cashier.push('sales', [refund]);

    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
    const stored = await demo.manager.get<Sale>(`/api/sales/${refund.id}`);
    expect(stored.body.server).toMatchObject({ status: 'accepted', issues: [] });
  });

  it('lets a manager approve their own refund', async () => {
    const sale = await soldAndStored();
    const refund = buildRefund(sale, nextSeq++, 3000, [], 'staff-manager');

    expect((await demo.manager.push('sales', [refund])).body.rejected).toEqual([]);
  });

  it.each([
    ['names no approver', null],
    ['names a cashier', 'staff-cashier'],
    ['names someone who is not staff', 'staff-nobody'],
    ['names a removed manager', 'staff-gone'],
    ['names a manager of another store', 'staff-elsewhere'],
  ])('quarantines a refund that %s, storing nothing', async (_case, approvedBy) => {
    const sale = await soldAndStored();
    const refund = buildRefund(sale, nextSeq++, 1000, [], approvedBy);

    const pushed = await demo.cashier.push('sales', [refund]);

    expect(pushed.body.rejected).toEqual([
      { id: refund.id, code: 'refund_not_approved', message: expect.any(String) },
    ]);
    expect(await storedIds([refund.id])).toEqual([]);
    expect(await quarantined(refund.id)).toEqual(['refund_not_approved']);
  });

  it('quarantines a refund of a line the sale does not have', async () => {
    const sale = await soldAndStored();
    const refund = buildRefund(sale, nextSeq++, 1000);
    const strayLine = { ...refund.lines[0], refundOfLineId: 'line-never-sold' } as Sale['lines'][0];

    const pushed = await demo.cashier.push('sales', [{ ...refund, lines: [strayLine] }]);

    expect(pushed.body.rejected.map((r) => r.code)).toEqual(['unknown_line']);
    expect(await storedIds([refund.id])).toEqual([]);
  });

  it('refuses the second of two refunds of the same line in one push', async () => {
    const sale = await soldAndStored(2000);
    const first = buildRefund(sale, nextSeq++, 2000);
    const second = buildRefund(sale, nextSeq++, 2000);

    const pushed = await demo.cashier.push('sales', [first, second]);

    expect(pushed.body.rejected).toEqual([
      { id: second.id, code: 'over_refund', message: expect.any(String) },
    ]);
    expect(await storedIds([first.id, second.id])).toEqual([first.id]);
  });

  it('refuses a refund once earlier refunds gave everything back', async () => {
    const sale = await soldAndStored(2000);
    const first = buildRefund(sale, nextSeq++, 1500);
    const second = buildRefund(sale, nextSeq++, 1000, [first]);

    await demo.cashier.push('sales', [first]);
    const pushed = await demo.cashier.push('sales', [second]);

    expect(pushed.body.rejected.map((r) => r.code)).toEqual(['over_refund']);
  });

  // Guards against an approval taken as a claim: a refund with no original bounds nothing.
  it('quarantines a refund of a sale the server does not know, moving no stock', async () => {
    const unseen = buildSale(nextSeq++, [{ product, quantity: 1000 }]);
    const refund = buildRefund(unseen, nextSeq++, 1000);

    const pushed = await demo.cashier.push('sales', [refund]);

    expect(pushed.body.rejected).toEqual([
      { id: refund.id, code: 'original_sale_unknown', message: expect.any(String) },
    ]);
    expect(await storedIds([refund.id])).toEqual([]);
    expect(await quarantined(refund.id)).toEqual(['original_sale_unknown']);
    const { rows } = await demo.t.db.query(
      `select id from documents where collection = 'stock_movements' and data ->> 'saleId' = $1`,
      [refund.id],
    );
    expect(rows).toEqual([]);
  });

  it('never stores the refund of a refund', async () => {
    const sale = await soldAndStored();
    const refund = buildRefund(sale, nextSeq++, 1000);
    await demo.cashier.push('sales', [refund]);
    const ofRefund = buildRefund(refund, nextSeq++, 1000);

    const pushed = await demo.cashier.push('sales', [ofRefund]);

    expect(pushed.body.rejected.map((r) => r.code)).toEqual(['not_a_sale']);
  });
});
