import { computeSaleTotals, saleStockMovementId, type Payment } from '@pos/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTillApi } from './local-till-api.ts';
import { CartPricingError } from './sale-lines.ts';
import { openTestDatabase } from './testing/test-database.ts';
import {
  sampleCategory,
  sampleProduct,
  sampleStockMovement,
  sampleTaxRate,
} from './testing/sample-documents.ts';
import { sampleTillContext } from './testing/sample-till-context.ts';
import { openTillData, type TillData } from './till-data.ts';
import type { TillDatabase } from './till-database.ts';
import type { Cart, SyncStatus, TillApi } from './till-api.ts';
import { insertableDocument } from './validate-document.ts';

const idleStatus: SyncStatus = {
  online: true,
  phase: 'idle',
  waiting: 0,
  lastSyncedAt: null,
  lastError: null,
  rejected: [],
};
const sync = { current: () => idleStatus, subscribe: () => () => undefined };

function cart(lines: [productId: string, quantity: number][]): Cart {
  return {
    id: 'cart-1',
    lines: lines.map(([productId, quantity], i) => ({
      lineId: `line-${i + 1}`,
      productId,
      quantity,
      discount: null,
    })),
    cartDiscount: { type: 'percent', value: 10_000, reason: 'Loyalty', approvedBy: null },
    customerId: null,
  };
}

const cash = (amount: number, tendered = amount): Payment => ({
  id: `pay-${amount}-${tendered}`,
  method: 'cash',
  amount,
  tendered,
  reference: null,
});

describe('the TillApi over RxDB', () => {
  let db: TillDatabase;
  let data: TillData;
  let api: TillApi;

  beforeEach(async () => {
    db = await openTestDatabase();
    await db.tax_rates.insert(insertableDocument('tax_rates', sampleTaxRate));
    await db.categories.insert(insertableDocument('categories', sampleCategory));
    await db.products.bulkInsert(
      [1, 2, 3].map((n) => insertableDocument('products', sampleProduct(n))),
    );
    await db.stock_movements.insert(insertableDocument('stock_movements', sampleStockMovement));
    data = openTillData(db, { deviceId: 'device-1', storeId: 'store-main' });
    await data.ready;
    api = createTillApi(data, () => sampleTillContext, sync);
  });

  afterEach(async () => {
    await data.close();
    await db.close();
  });

  it('serves the catalog from memory once loaded', () => {
    expect(api.catalog().products).toHaveLength(3);
    expect(api.catalog().byBarcode(sampleProduct(2).barcodes[0] ?? '')?.id).toBe('product-2');
  });

  it('prices a cart exactly as computeSaleTotals does with the store rules', () => {
    const c = cart([
      ['product-1', 2_000],
      ['product-3', 1_500],
    ]);
    const payments = [cash(500, 1_000)];

    const totals = api.priceCart(c, payments);
    expect(totals).toEqual(
      computeSaleTotals({
        lines: [
          {
            lineId: 'line-1',
            productId: 'product-1',
            sku: 'SKU-000001',
            name: 'Product 1',
            quantity: 2_000,
            unitPrice: 101,
            taxes: [{ taxRateId: 'tax-hst', name: 'HST', rateMilliPercent: 13_000 }],
            discount: null,
            refundOfLineId: null,
          },
          {
            lineId: 'line-2',
            productId: 'product-3',
            sku: 'SKU-000003',
            name: 'Product 3',
            quantity: 1_500,
            unitPrice: 103,
            taxes: [{ taxRateId: 'tax-hst', name: 'HST', rateMilliPercent: 13_000 }],
            discount: null,
            refundOfLineId: null,
          },
        ],
        cartDiscount: c.cartDiscount,
        pricing: sampleTillContext.store.pricing,
        payments,
      }),
    );
    expect(totals.taxTotal).toBeGreaterThan(0);
  });

  it('refuses to price a product that is not in the catalog', () => {
    expect(() => api.priceCart(cart([['nope', 1_000]]), [])).toThrow(CartPricingError);
  });

  it('completes a sale: valid, numbered, stored, listed newest first', async () => {
    const c = cart([['product-1', 1_000]]);
    const due = api.priceCart(c, [cash(0)]).due;

    const sale = await api.completeSale({ cart: c, payments: [cash(due, 1_000)] });

    expect(sale.receiptNumber).toBe('MS-T1-000001');
    expect(sale.deviceSeq).toBe(1);
    expect(sale.cashierId).toBe(sampleTillContext.cashier.id);
    expect(sale.totals.change).toBe(1_000 - due);
    expect(sale.server).toBeUndefined();
    expect((await api.recentSales(10)).map((s) => s.id)).toEqual([sale.id]);
  });

  it('refuses a sale the payments do not cover, without burning a receipt number', async () => {
    const c = cart([['product-1', 1_000]]);
    await expect(api.completeSale({ cart: c, payments: [cash(1)] })).rejects.toThrow(/cover/);

    const due = api.priceCart(c, [cash(0)]).due;
    const sale = await api.completeSale({ cart: c, payments: [cash(due)] });
    expect(sale.deviceSeq).toBe(1);
  });

  it('never repeats a receipt number when two tabs complete sales at the same time', async () => {
    const otherTab = createTillApi(data, () => sampleTillContext, sync);
    const c = cart([['product-2', 1_000]]);
    const due = api.priceCart(c, [cash(0)]).due;

    const sales = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? api : otherTab).completeSale({ cart: c, payments: [cash(due)] }),
      ),
    );

    const numbers = sales.map((s) => s.receiptNumber);
    expect(new Set(numbers).size).toBe(12);
    expect(sales.map((s) => s.deviceSeq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('keeps counting past sales already stored when the counter itself was lost', async () => {
    const c = cart([['product-2', 1_000]]);
    const due = api.priceCart(c, [cash(0)]).due;
    await api.completeSale({ cart: c, payments: [cash(due)] });
    await api.completeSale({ cart: c, payments: [cash(due)] });

    // The counter's own database is gone, as if that store had been cleared.
    await data.close();
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(`${db.name}_receipts`);
      request.onsuccess = resolve;
      request.onerror = reject;
    });
    data = openTillData(db, { deviceId: 'device-1', storeId: 'store-main' });
    await data.ready;
    const reopened = createTillApi(data, () => sampleTillContext, sync);

    const sale = await reopened.completeSale({ cart: c, payments: [cash(due)] });
    expect(sale.deviceSeq).toBe(3);
  });

  it('subtracts waiting sales from on hand until the server ledger has them', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.onHand('product-1')).toBe(24_000);

    const c = cart([['product-1', 2_000]]);
    const due = api.priceCart(c, [cash(0)]).due;
    const sale = await api.completeSale({ cart: c, payments: [cash(due)] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.onHand('product-1')).toBe(22_000);

    // The server's ledger arrives with the same movement id: counted once, not twice.
    await db.stock_movements.insert(
      insertableDocument('stock_movements', {
        ...sampleStockMovement,
        id: saleStockMovementId(sale.id, 'line-1'),
        quantity: -2_000,
        reason: 'sale',
        saleId: sale.id,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.onHand('product-1')).toBe(22_000);
  });

  it('parks carts and resumes each once', async () => {
    await api.parkCart(cart([['product-1', 1_000]]), ' table 4 ');
    await api.parkCart(cart([['product-2', 3_000]]), 'phone order');

    const parked = await api.parkedCarts();
    expect(parked.map((p) => p.note)).toEqual(['phone order', 'table 4']);

    const id = parked[0]?.id ?? '';
    const [first, second] = await Promise.all([api.resumeParkedCart(id), api.resumeParkedCart(id)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(first?.lines[0]?.quantity ?? second?.lines[0]?.quantity).toBe(3_000);
    expect(await api.parkedCarts()).toHaveLength(1);
  });

  it('streams this device’s sales newest first', async () => {
    const seen: string[][] = [];
    const stop = api.subscribeSales((sales) => seen.push(sales.map((s) => s.receiptNumber)));
    const c = cart([['product-1', 1_000]]);
    const due = api.priceCart(c, [cash(0)]).due;
    await api.completeSale({ cart: c, payments: [cash(due)] });
    await api.completeSale({ cart: c, payments: [cash(due)] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop();

    expect(seen.at(-1)).toEqual(['MS-T1-000002', 'MS-T1-000001']);
  });
});
