import {
  computeSaleTotals,
  formatReceiptNumber,
  saleSchema,
  type Payment,
  type Sale,
  type SaleLine,
} from '@pos/shared';

import type { Cart, TillContext } from './till-api.ts';

export interface BuildSaleInput {
  id: string;
  seq: number;
  now: string;
  till: TillContext;
  cart: Cart;
  lines: SaleLine[];
  payments: Payment[];
  /** The device's open shift when the sale completed; null when none was open. */
  shiftId?: string | null;
}

/** The immutable sale document, validated exactly as the server will validate it. */
export function buildSale(input: BuildSaleInput): Sale {
  const { till, cart, lines, payments } = input;
  const pricing = till.store.pricing;

  return saleSchema.parse({
    id: input.id,
    updatedAt: input.now,
    _deleted: false,
    kind: 'sale',
    refundOfSaleId: null,
    receiptNumber: formatReceiptNumber(till.store.code, till.device.code, input.seq),
    deviceSeq: input.seq,
    storeId: till.store.id,
    deviceId: till.device.id,
    cashierId: till.cashier.id,
    cashierName: till.cashier.displayName,
    shiftId: input.shiftId ?? null,
    customerId: cart.customerId,
    pricing,
    lines,
    cartDiscount: cart.cartDiscount,
    totals: computeSaleTotals({ lines, cartDiscount: cart.cartDiscount, pricing, payments }),
    payments,
    createdAt: input.now,
  } satisfies Sale);
}
