import { expect } from '@playwright/test';

import type { ReceiptRecord } from '../pages/receipt-page.ts';
import type { ServerApi, ServerSale } from './server-api.ts';

/** What the test rang up: each receipt as the till showed it and the quantity per product. */
export class SaleLedger {
  readonly receipts: ReceiptRecord[] = [];
  private readonly sold = new Map<string, number>();

  add(receipt: ReceiptRecord, quantities: Record<string, number>): void {
    this.receipts.push(receipt);
    for (const [productId, quantity] of Object.entries(quantities)) {
      this.sold.set(productId, (this.sold.get(productId) ?? 0) + quantity);
    }
  }

  soldQuantities(): ReadonlyMap<string, number> {
    return this.sold;
  }
}

/** Waits until the server holds every recorded sale, then returns the sales new since `before`. */
export async function newServerSales(
  server: ServerApi,
  before: ReadonlySet<string>,
  expectedCount: number,
): Promise<ServerSale[]> {
  let fresh: ServerSale[] = [];
  await expect
    .poll(
      async () => {
        fresh = (await server.sales()).filter((sale) => !before.has(sale.id));
        return fresh.length;
      },
      { timeout: 30_000, message: 'sales reaching the server' },
    )
    .toBeGreaterThanOrEqual(expectedCount);
  return fresh;
}

/** Every recorded sale is on the server exactly once, with the totals the receipt showed. */
export function expectServerMatches(ledger: SaleLedger, fresh: readonly ServerSale[]): void {
  const recordedIds = ledger.receipts.map((r) => r.saleId).sort();
  expect(fresh.map((s) => s.id).sort()).toEqual(recordedIds);
  expect(new Set(recordedIds).size).toBe(recordedIds.length);

  const receiptNumbers = fresh.map((s) => s.receiptNumber);
  expect(new Set(receiptNumbers).size).toBe(receiptNumbers.length);

  for (const receipt of ledger.receipts) {
    const sale = fresh.find((s) => s.id === receipt.saleId);
    expect(sale?.receiptNumber).toBe(receipt.receiptNumber);
    expect(sale?.server, `${receipt.receiptNumber} has no server info`).toBeDefined();
    expect(sale?.server?.status).not.toBe('quarantined');

    const { taxes, ...figures } = receipt.totals;
    expect(sale?.server?.totals, receipt.receiptNumber).toMatchObject(figures);
    expect(
      sale?.server?.totals.taxes.map((t) => ({ taxRateId: t.taxRateId, amount: t.amount })),
      `${receipt.receiptNumber} taxes`,
    ).toEqual(taxes);
  }
}

export function expectStockDropped(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  sold: ReadonlyMap<string, number>,
): void {
  for (const [productId, quantity] of sold) {
    expect(before.get(productId), `on hand of ${productId} before`).toBeDefined();
    expect(after.get(productId), `on hand of ${productId}`).toBe(
      (before.get(productId) ?? 0) - quantity,
    );
  }
}
