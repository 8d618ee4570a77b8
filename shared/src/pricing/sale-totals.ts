import type { PricingRules } from '../documents/organisation.ts';
import type { Discount, Payment, SaleLine, SaleTotals, TaxSummary } from '../documents/sale.ts';
import { priceSale, type TaxGroup } from './price-sale.ts';
import { settle } from './settlement.ts';

export { cashDue } from './settlement.ts';
export { discountAmount, lineGross } from './price-sale.ts';

export interface SaleTotalsInput {
  readonly lines: readonly SaleLine[];
  readonly cartDiscount: Discount | null;
  readonly pricing: PricingRules;
  readonly payments: readonly Payment[];
}

export function taxSummary(groups: readonly TaxGroup[]): TaxSummary[] {
  return groups.map((g) => ({
    taxRateId: g.taxRateId,
    name: g.name,
    rateMilliPercent: g.rateMilliPercent,
    base: Number(g.base),
    amount: Number(g.amount),
  }));
}

/** Recomputes a sale's totals from its lines; the till and the server both call this. */
export function computeSaleTotals(input: SaleTotalsInput): SaleTotals {
  const priced = priceSale(input.lines, input.cartDiscount, input.pricing);
  const total = Number(priced.total);

  return {
    subtotal: Number(priced.subtotal),
    discountTotal: Number(priced.discountTotal),
    taxTotal: Number(priced.taxTotal),
    total,
    taxes: taxSummary(priced.taxGroups),
    ...settle(total, input.payments, input.pricing.cashRounding),
  };
}

/** What one line is sold for after its own and its share of the cart discount (as priced). */
export function lineNetAmounts(
  lines: readonly SaleLine[],
  cartDiscount: Discount | null,
  pricing: PricingRules,
): Map<string, number> {
  const priced = priceSale(lines, cartDiscount, pricing);
  return new Map(priced.lines.map((l) => [l.line.lineId, Number(l.net)]));
}
