// The fake IndexedDB must be in place before anything else opens a database.
import { openTestDatabase } from './testing/test-database.ts';

import { computeShiftReport, type Payment } from '@pos/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTillApi } from './local-till-api.ts';
import { PendingSales } from './pending-sales.ts';
import { ShiftError, shiftDocuments } from './shift-api.ts';
import { syncedMarksFor } from './synced-marks.ts';
import { sampleCategory, sampleProduct, sampleTaxRate } from './testing/sample-documents.ts';
import { sampleTillContext } from './testing/sample-till-context.ts';
import { openTillData, type TillData } from './till-data.ts';
import type { TillDatabase } from './till-database.ts';
import type { Cart, SyncStatus, TillApi } from './till-api.ts';
import { insertableDocument } from './validate-document.ts';

const idle: SyncStatus = {
  online: true,
  phase: 'idle',
  waiting: 0,
  lastSyncedAt: null,
  lastError: null,
  rejected: [],
};
const sync = { current: () => idle, subscribe: () => () => undefined };

const cart = (productId: string): Cart => ({
  id: `cart-${productId}`,
  lines: [{ lineId: 'line-1', productId, quantity: 2000, discount: null }],
  cartDiscount: null,
  customerId: null,
});

describe('shifts on the till', () => {
  let db: TillDatabase;
  let data: TillData;
  let api: TillApi;

  beforeEach(async () => {
    db = await openTestDatabase();
    await db.tax_rates.insert(insertableDocument('tax_rates', sampleTaxRate));
    await db.categories.insert(insertableDocument('categories', sampleCategory));
    await db.products.bulkInsert(
      [1, 2].map((n) => insertableDocument('products', sampleProduct(n))),
    );
    data = openTillData(db, { deviceId: 'device-1', storeId: 'store-main' });
    await data.ready;
    api = createTillApi(data, () => sampleTillContext, sync);
  });

  afterEach(async () => {
    await data.close();
    await db.close();
  });

  async function sell(productId: string, method: Payment['method']) {
    const probe: Payment = { id: 'probe', method, amount: 0, tendered: 0, reference: null };
    // Cash is rounded to the store's cash step, so the due depends on how the sale is paid.
    const due = api.priceCart(cart(productId), [probe]).due;
    const payment: Payment =
      method === 'cash'
        ? { id: `p-${productId}`, method, amount: due, tendered: due, reference: null }
        : { id: `p-${productId}`, method, amount: due, tendered: due, reference: 'ok' };
    return api.completeSale({ cart: cart(productId), payments: [payment] });
  }

  it('keeps one open shift per device and refuses a second one', async () => {
    expect(await api.shifts.currentShift()).toBeNull();
    const shift = await api.shifts.openShift(150_00);

    expect((await api.shifts.currentShift())?.id).toBe(shift.id);
    await expect(api.shifts.openShift(100_00)).rejects.toBeInstanceOf(ShiftError);
    expect(await db.shifts.count().exec()).toBe(1);
  });

  it('tags sales with the open shift, and not once it is closed', async () => {
    const before = await sell('product-1', 'cash');
    const shift = await api.shifts.openShift(100_00);
    const during = await sell('product-2', 'card');
    await api.shifts.closeShift({ countedByDenomination: {}, blindClose: true });
    const after = await sell('product-1', 'cash');

    expect([before.shiftId, during.shiftId, after.shiftId]).toEqual([null, shift.id, null]);
  });

  it('closes with the expected cash of the shared report and the counted cash', async () => {
    const shift = await api.shifts.openShift(100_00);
    const cashSale = await sell('product-1', 'cash');
    await sell('product-2', 'card');
    await api.shifts.addCashMovement('in', 20_00, 'Change from the bank');
    await api.shifts.addCashMovement('out', 35_50, 'Window cleaner');
    await expect(api.shifts.addCashMovement('out', 0, 'nothing')).rejects.toThrow();

    const closed = await api.shifts.closeShift({
      countedByDenomination: { '5000': 2, '500': 1 },
      blindClose: true,
    });
    const docs = await shiftDocuments(db, shift.id);
    const shared = computeShiftReport({ shift: closed, ...docs });

    expect(closed.expectedCash).toBe(100_00 + cashSale.totals.paid + 20_00 - 35_50);
    expect(closed.expectedCash).toBe(shared.expectedCash);
    expect(closed.countedCash).toBe(105_00);
    expect(await api.shifts.report(shift.id)).toEqual(shared);
    expect(shared.difference).toBe(105_00 - shared.expectedCash);
    expect(await api.shifts.currentShift()).toBeNull();
    await expect(api.shifts.addCashMovement('in', 1_00, 'late')).rejects.toBeInstanceOf(ShiftError);
  });

  it('counts shifts and cash movements as waiting until the server holds them', async () => {
    const pending = new PendingSales(db, 'device-1');
    await pending.ready;
    const shift = await api.shifts.openShift(50_00);
    const movement = await api.shifts.addCashMovement('out', 10_00, 'Stamps');

    expect(new Set(pending.ids())).toEqual(new Set([shift.id, movement.id]));

    syncedMarksFor(db.name).mark([shift, movement]);
    expect(pending.size).toBe(0);

    // Closing writes a new version, which waits again.
    await api.shifts.closeShift({ countedByDenomination: { '1000': 4 }, blindClose: false });
    expect([...pending.ids()]).toEqual([shift.id]);
    pending.close();
  });
});
