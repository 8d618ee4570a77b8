import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { CashMovement } from '../documents/organisation.ts';
import type { Sale } from '../documents/sale.ts';
import { linesArb, pricingArb } from '../pricing/sale-arbitraries.ts';
import { card, cash, refund, sale } from '../pricing/sale-fixtures.ts';
import { computeSaleTotals } from '../pricing/sale-totals.ts';
import { computeShiftReport, shiftReportSchema } from './shift-report.ts';
import { inShift, movement, shift } from './shift-fixtures.ts';

/** A settled document: card covers a share of it and cash the (rounded) rest. */
const documentArb: fc.Arbitrary<Sale> = fc
  .record({
    lines: linesArb,
    rules: pricingArb,
    cardShare: fc.integer({ min: 0, max: 100 }),
    isRefund: fc.boolean(),
    deleted: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ lines, rules, cardShare, isRefund, deleted, minute }) => {
    const plain = computeSaleTotals({ lines, cartDiscount: null, pricing: rules, payments: [] });
    const cardAmount = Math.floor((Math.max(0, plain.total) * cardShare) / 100);
    const probe = [card(cardAmount), cash(0)];
    const due = computeSaleTotals({
      lines,
      cartDiscount: null,
      pricing: rules,
      payments: probe,
    }).due;
    const cashAmount = Math.max(0, due - cardAmount);
    const payments = [card(cardAmount), cash(cashAmount, cashAmount + 500)];
    const doc = sale(`s${String(minute)}`, lines, rules, payments);
    const kind = isRefund ? refund(doc.id, doc, lines, payments, doc.totals) : doc;
    const at = `2024-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    return { ...inShift(kind, at), _deleted: deleted };
  });

const movementArb: fc.Arbitrary<CashMovement> = fc
  .record({
    type: fc.constantFrom('in' as const, 'out' as const),
    amount: fc.integer({ min: 1, max: 500_00 }),
  })
  .map(({ type, amount }) => movement(`m-${type}-${String(amount)}`, type, amount));

const cashOf = (doc: Sale) =>
  doc.payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amount, 0);

describe('computeShiftReport properties', () => {
  it('balances the drawer and the tenders, in integers only', () => {
    fc.assert(
      fc.property(
        fc.array(documentArb, { maxLength: 15 }),
        fc.array(movementArb, { maxLength: 6 }),
        fc.integer({ min: 0, max: 1000_00 }),
        fc.option(fc.integer({ min: 0, max: 100_000_00 })),
        (docs, movements, openingFloat, countedCash) => {
          const report = computeShiftReport({
            shift: shift({ openingFloat, countedCash }),
            sales: docs,
            cashMovements: movements,
          });

          const live = docs.filter((d) => !d._deleted);
          const cashSales = live
            .filter((d) => d.kind === 'sale')
            .reduce((s, d) => s + cashOf(d), 0);
          const cashRefunds = live
            .filter((d) => d.kind === 'refund')
            .reduce((s, d) => s + cashOf(d), 0);
          const moved = movements.reduce((s, m) => s + (m.type === 'in' ? m.amount : -m.amount), 0);
          expect(report.expectedCash - openingFloat).toBe(cashSales - cashRefunds + moved);

          const { cash: c, card: k } = report.tenders;
          expect(report.netSales).toBe(c.net + k.net);
          expect(report.salesCount + report.refundsCount).toBe(live.length);
          expect(report.difference).toBe(
            countedCash === null ? null : countedCash - report.expectedCash,
          );

          const numbers = [
            ...Object.values(report).filter((v) => typeof v === 'number'),
            ...report.taxes.flatMap((t) => [t.base, t.amount]),
            ...[c, k].flatMap((t) => [t.sales, t.refunds, t.net]),
          ];
          expect(numbers.every((n) => Number.isSafeInteger(n))).toBe(true);
          expect(shiftReportSchema.safeParse(report).success).toBe(true);
        },
      ),
    );
  });

  it('gives the same report for any order of the same documents', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(documentArb, { maxLength: 10, selector: (d) => d.id }),
        fc.func(fc.integer()),
        (docs, key) => {
          const shuffled = [...docs].sort((a, b) => key(a.id) - key(b.id));
          const input = { shift: shift(), cashMovements: [] };

          expect(computeShiftReport({ ...input, sales: shuffled })).toEqual(
            computeShiftReport({ ...input, sales: docs }),
          );
        },
      ),
    );
  });
});
