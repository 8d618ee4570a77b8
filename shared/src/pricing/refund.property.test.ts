import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Payment, Sale, SaleLine, SaleTotals } from '../documents/sale.ts';
import { computeRefundTotals } from './refund.ts';
import { allocateSale } from './sale-allocation.ts';
import { discountArb, linesArb, pricingArb } from './sale-arbitraries.ts';
import { card, cash, refund, sale } from './sale-fixtures.ts';
import { computeSaleTotals } from './sale-totals.ts';

/** A paid sale and a split of every line's quantity into up to four refunds, each cash or card. */
const scenarioArb = fc
  .tuple(linesArb, discountArb, pricingArb, fc.nat(100), fc.integer({ min: 1, max: 4 }))
  .chain(([lines, cart, rules, cardPercent, refundCount]) =>
    fc.record({
      original: fc.constant(paidSale(lines, cart, rules, cardPercent)),
      cuts: fc.tuple(
        ...lines.map((l) =>
          fc.array(fc.integer({ min: 0, max: l.quantity }), {
            minLength: refundCount - 1,
            maxLength: refundCount - 1,
          }),
        ),
      ),
      methods: fc.array(fc.constantFrom('cash' as const, 'card' as const), {
        minLength: refundCount,
        maxLength: refundCount,
      }),
    }),
  );

function paidSale(
  lines: SaleLine[],
  cart: Sale['cartDiscount'],
  rules: Sale['pricing'],
  cardPercent: number,
): Sale {
  const quote = computeSaleTotals({ lines, cartDiscount: cart, pricing: rules, payments: [] });
  const byCard = Math.floor((quote.total * cardPercent) / 100);
  const withCash = computeSaleTotals({
    lines,
    cartDiscount: cart,
    pricing: rules,
    payments: [card(byCard), cash(0)],
  });
  return sale('s1', lines, rules, [card(byCard), cash(withCash.due - byCard)], cart);
}

/** Refund j gets, of each line, the quantity between its (j-1)th and jth sorted cut. */
function refundLines(original: Sale, cuts: readonly number[][], j: number): SaleLine[] {
  return original.lines.flatMap((l, i) => {
    const points = [0, ...[...(cuts[i] ?? [])].sort((a, b) => a - b), l.quantity];
    const quantity = (points[j + 1] ?? 0) - (points[j] ?? 0);
    return quantity > 0
      ? [{ ...l, lineId: `r${String(j)}-${l.lineId}`, quantity, refundOfLineId: l.lineId }]
      : [];
  });
}

function sum(totals: readonly SaleTotals[], pick: (t: SaleTotals) => number): number {
  return totals.reduce((s, t) => s + pick(t), 0);
}

describe('computeRefundTotals properties', () => {
  it('refunds of every line, in any split, pay back exactly what was paid and never more', () => {
    fc.assert(
      fc.property(scenarioArb, ({ original, cuts, methods }) => {
        const refunds: Sale[] = [];
        methods.forEach((method, j) => {
          const lines = refundLines(original, cuts, j);
          if (lines.length === 0) return;

          const input = { original, lines, previousRefunds: [...refunds] };
          const quote = computeRefundTotals({
            ...input,
            payments: [method === 'cash' ? cash(0) : card(0)],
          });
          const payments: Payment[] = [method === 'cash' ? cash(quote.due) : card(quote.due)];
          const totals = computeRefundTotals({ ...input, payments });

          expect(totals.due).toBe(quote.due);
          expect(totals.due).toBeGreaterThanOrEqual(0);
          expect(totals.paid).toBe(totals.due);
          refunds.push(refund(`r${String(j)}`, original, lines, payments, totals));
          expect(
            sum(
              refunds.map((r) => r.totals),
              (t) => t.due,
            ),
          ).toBeLessThanOrEqual(original.totals.due);
        });

        const all = refunds.map((r) => r.totals);
        expect(sum(all, (t) => t.due)).toBe(original.totals.due);
        expect(sum(all, (t) => t.total)).toBe(original.totals.total);
        expect(sum(all, (t) => t.subtotal)).toBe(original.totals.subtotal);
        expect(sum(all, (t) => t.discountTotal)).toBe(original.totals.discountTotal);
        for (const tax of original.totals.taxes) {
          const refunded = all.flatMap((t) => t.taxes).filter((t) => t.taxRateId === tax.taxRateId);
          expect(refunded.reduce((s, t) => s + t.amount, 0)).toBe(tax.amount);
          expect(refunded.reduce((s, t) => s + t.base, 0)).toBe(tax.base);
        }
      }),
    );
  });

  it('never pays back more for whole lines than their share of what was paid', () => {
    fc.assert(
      fc.property(scenarioArb, fc.infiniteStream(fc.boolean()), ({ original }, picks) => {
        const chosen = original.lines.filter(() => picks.next().value === true);
        fc.pre(chosen.length > 0);
        const lines = chosen.map((l) => ({
          ...l,
          lineId: `r-${l.lineId}`,
          refundOfLineId: l.lineId,
        }));
        const totals = computeRefundTotals({
          original,
          lines,
          previousRefunds: [],
          payments: [cash(0)],
        });

        const shares = allocateSale(original).lines;
        const paidForThem = chosen.reduce(
          (s, l) => s + Number(shares.find((a) => a.lineId === l.lineId)?.paid ?? 0n),
          0,
        );
        expect(totals.due).toBeLessThanOrEqual(paidForThem);
        expect(paidForThem - totals.due).toBeLessThan(original.pricing.cashRounding.increment);
      }),
    );
  });
});

describe('allocateSale properties', () => {
  it('splits every figure over the lines exactly, with no line paying a negative share', () => {
    fc.assert(
      fc.property(scenarioArb, ({ original }) => {
        const allocation = allocateSale(original);
        const lines = allocation.lines;

        expect(Number(allocation.due)).toBe(original.totals.due);
        expect(lines.every((l) => l.paid >= 0n && l.total >= 0n)).toBe(true);
        expect(Number(lines.reduce((s, l) => s + l.paid, 0n))).toBe(original.totals.due);
        expect(Number(lines.reduce((s, l) => s + l.total, 0n))).toBe(original.totals.total);
        expect(Number(lines.reduce((s, l) => s + l.discount, 0n))).toBe(
          original.totals.discountTotal,
        );
        for (const tax of original.totals.taxes) {
          const shares = lines.flatMap((l) => l.taxes).filter((t) => t.taxRateId === tax.taxRateId);
          expect(Number(shares.reduce((s, t) => s + t.amount, 0n))).toBe(tax.amount);
        }
      }),
    );
  });
});
