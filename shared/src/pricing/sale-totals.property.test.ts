import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { saleTotalsSchema } from '../documents/sale.ts';
import { discountAmount, priceSale } from './price-sale.ts';
import { discountArb, linesArb, pricingArb } from './sale-arbitraries.ts';
import { card, cash } from './sale-fixtures.ts';
import { computeSaleTotals } from './sale-totals.ts';

describe('computeSaleTotals properties', () => {
  it('only ever produces integers, consistent with each other and the schema', () => {
    fc.assert(
      fc.property(
        linesArb,
        discountArb,
        pricingArb,
        fc.nat(100_000),
        (lines, cart, rules, cardAmount) => {
          const totals = computeSaleTotals({
            lines,
            cartDiscount: cart,
            pricing: rules,
            payments: [card(cardAmount), cash(1000, 5000)],
          });

          const numbers = [
            ...Object.values(totals).filter((v) => typeof v === 'number'),
            ...totals.taxes.flatMap((t) => [t.base, t.amount]),
          ];
          expect(numbers.every((n) => Number.isSafeInteger(n))).toBe(true);
          expect(saleTotalsSchema.safeParse(totals).success).toBe(true);

          const taxOnTop = rules.pricesIncludeTax ? 0 : totals.taxTotal;
          expect(totals.total).toBe(totals.subtotal - totals.discountTotal + taxOnTop);
          expect(totals.taxTotal).toBe(totals.taxes.reduce((sum, t) => sum + t.amount, 0));
          expect(totals.due).toBe(totals.total + totals.cashRounding);
          expect(Math.abs(totals.cashRounding)).toBeLessThan(rules.cashRounding.increment);
        },
      ),
    );
  });

  it("differs between 'total' and 'line' tax rounding by at most the lines per rate", () => {
    fc.assert(
      fc.property(linesArb, discountArb, pricingArb, (lines, cart, rules) => {
        const per = (taxRounding: 'line' | 'total') =>
          computeSaleTotals({
            lines,
            cartDiscount: cart,
            pricing: { ...rules, taxRounding },
            payments: [],
          });
        const byLine = per('line');
        const byTotal = per('total');

        expect(byTotal.taxes.map((t) => t.taxRateId)).toEqual(byLine.taxes.map((t) => t.taxRateId));
        byTotal.taxes.forEach((tax, i) => {
          const linesWithRate = lines.filter((l) =>
            l.taxes.some((t) => t.taxRateId === tax.taxRateId),
          ).length;
          const diff = Math.abs(tax.amount - (byLine.taxes[i]?.amount ?? Number.NaN));
          expect(diff).toBeLessThanOrEqual(linesWithRate);
        });
      }),
    );
  });

  it('spreads the cart discount so the parts sum exactly to the capped cart discount', () => {
    fc.assert(
      fc.property(linesArb, discountArb, pricingArb, (lines, cart, rules) => {
        const priced = priceSale(lines, cart, rules);
        const afterLine = priced.lines.reduce((sum, l) => sum + l.gross - l.lineDiscount, 0n);
        const spread = priced.lines.reduce((sum, l) => sum + l.cartDiscount, 0n);

        expect(spread).toBe(discountAmount(cart, afterLine));
        expect(priced.lines.every((l) => l.net >= 0n && l.cartDiscount >= 0n)).toBe(true);
      }),
    );
  });

  it('settles exactly when the due is paid in cash, with change never negative', () => {
    fc.assert(
      fc.property(linesArb, pricingArb, fc.nat(100_000), (lines, rules, extra) => {
        const input = { lines, cartDiscount: null, pricing: rules };
        const quoted = computeSaleTotals({ ...input, payments: [cash(0)] });
        const paid = computeSaleTotals({
          ...input,
          payments: [cash(quoted.due, quoted.due + extra)],
        });

        expect(paid.due).toBe(quoted.due);
        expect(paid.paid).toBe(paid.due);
        expect(paid.change).toBe(extra);
        expect(paid.change).toBeGreaterThanOrEqual(0);
        expect(paid.due % rules.cashRounding.increment).toBe(0);
      }),
    );
  });
});
