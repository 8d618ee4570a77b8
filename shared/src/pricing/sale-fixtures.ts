import type { PricingRules } from '../documents/organisation.ts';
import type { Discount, LineTax, Payment, Sale, SaleLine, SaleTotals } from '../documents/sale.ts';
import { computeSaleTotals } from './sale-totals.ts';

/** Builders for tests of the pricing rules; not part of the package's API. */

export const GST: LineTax = { taxRateId: 'gst', name: 'GST', rateMilliPercent: 5000 };
export const PST: LineTax = { taxRateId: 'pst', name: 'PST', rateMilliPercent: 7000 };

export function pricing(overrides: Partial<PricingRules> = {}): PricingRules {
  return {
    currency: 'CAD',
    pricesIncludeTax: false,
    taxRounding: 'line',
    cashRounding: { increment: 1, mode: 'nearest' },
    ...overrides,
  };
}

export function line(
  lineId: string,
  unitPrice: number,
  quantity = 1000,
  extra: { taxes?: LineTax[]; discount?: Discount | null; refundOfLineId?: string | null } = {},
): SaleLine {
  return {
    lineId,
    productId: `product-${lineId}`,
    sku: '',
    name: `Item ${lineId}`,
    quantity,
    unitPrice,
    taxes: extra.taxes ?? [],
    discount: extra.discount ?? null,
    refundOfLineId: extra.refundOfLineId ?? null,
  };
}

export function percentOff(milliPercent: number): Discount {
  return { type: 'percent', value: milliPercent, reason: 'test', approvedBy: null };
}

export function amountOff(minor: number): Discount {
  return { type: 'amount', value: minor, reason: 'test', approvedBy: null };
}

export function cash(amount: number, tendered = amount, id = 'cash-1'): Payment {
  return { id, method: 'cash', amount, tendered, reference: null };
}

export function card(amount: number, id = 'card-1'): Payment {
  return { id, method: 'card', amount, tendered: null, reference: null };
}

const BASE = {
  updatedAt: '2024-05-01T12:00:00.000Z',
  _deleted: false,
  receiptNumber: 'MS-T1-000001',
  deviceSeq: 1,
  storeId: 'store-1',
  deviceId: 'device-1',
  cashierId: 'staff-1',
  cashierName: 'Sam',
  shiftId: null,
  customerId: null,
  createdAt: '2024-05-01T12:00:00.000Z',
};

export function sale(
  id: string,
  lines: SaleLine[],
  rules: PricingRules,
  payments: Payment[],
  cartDiscount: Discount | null = null,
): Sale {
  return {
    ...BASE,
    id,
    kind: 'sale',
    refundOfSaleId: null,
    pricing: rules,
    lines,
    cartDiscount,
    payments,
    totals: computeSaleTotals({ lines, cartDiscount, pricing: rules, payments }),
  };
}

export function refund(
  id: string,
  original: Sale,
  lines: SaleLine[],
  payments: Payment[],
  totals: SaleTotals,
): Sale {
  return {
    ...BASE,
    id,
    kind: 'refund',
    refundOfSaleId: original.id,
    pricing: original.pricing,
    lines,
    cartDiscount: null,
    payments,
    totals,
  };
}
