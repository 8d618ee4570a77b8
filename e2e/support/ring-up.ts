import { expect } from '@playwright/test';

import type { PaymentPage } from '../pages/payment-page.ts';
import type { ReceiptRecord } from '../pages/receipt-page.ts';
import type { SellPage } from '../pages/sell-page.ts';

/** The next whole note above an amount: 13.45 -> 15.00 with 5.00 notes. */
export function nextNote(minor: number, note: number): number {
  return (Math.floor(minor / note) + 1) * note;
}

/** Pays the whole sale in cash, handing over `tendered(due)`, and checks the change shown. */
export async function payCash(
  payment: PaymentPage,
  tendered: (due: number) => number,
): Promise<ReceiptRecord> {
  const due = await payment.cashDue();
  const handed = tendered(due);

  await payment.addCash(handed);
  await payment.expectChange(handed - due);

  const receipt = await payment.complete();
  const record = await receipt.record();
  expect(record.totals.change).toBe(handed - due);

  await receipt.newSale();
  return record;
}

export async function payCard(payment: PaymentPage, reference: string): Promise<ReceiptRecord> {
  await payment.addCard(null, reference);
  await payment.expectChange(0);

  const receipt = await payment.complete();
  const record = await receipt.record();

  await receipt.newSale();
  return record;
}

/** Taps each product on the grid (searching for it first) and opens the payment screen. */
export async function tapAndPay(sell: SellPage, skus: readonly string[]): Promise<PaymentPage> {
  for (const sku of skus) await sell.tapProduct(sku);
  return sell.pay();
}
