import { describe, expect, it } from 'vitest';

import type { Payment, Sale, SaleLine } from '../documents/sale.ts';
import { checkRefund, computeRefundTotals, refundableQuantities } from './refund.ts';
import { card, cash, GST, line, pricing, refund, sale } from './sale-fixtures.ts';

const nickelDown = pricing({ cashRounding: { increment: 5, mode: 'down' } });

function back(of: Sale, lineId: string, quantity: number, n = 1): SaleLine {
  const source = of.lines.find((l) => l.lineId === lineId);
  if (!source) throw new Error(`no line ${lineId}`);
  return { ...source, lineId: `r${String(n)}-${lineId}`, quantity, refundOfLineId: lineId };
}

/** Records a refund as the till would: quote, pay the due, store the totals. */
function doRefund(original: Sale, previous: Sale[], lines: SaleLine[], method: 'cash' | 'card') {
  const quote = computeRefundTotals({
    original,
    lines,
    previousRefunds: previous,
    payments: [method === 'cash' ? cash(0) : card(0)],
  });
  const payments: Payment[] = [method === 'cash' ? cash(quote.due) : card(quote.due)];
  const totals = computeRefundTotals({ original, lines, previousRefunds: previous, payments });
  return refund(`refund-${String(previous.length + 1)}`, original, lines, payments, totals);
}

describe('computeRefundTotals', () => {
  it('pays back 1.95 for a 1.98 item that was paid 1.95 in cash', () => {
    const original = sale('s1', [line('a', 198)], nickelDown, [cash(195, 200)]);
    const totals = computeRefundTotals({
      original,
      lines: [back(original, 'a', 1000)],
      previousRefunds: [],
      payments: [cash(195)],
    });
    expect(totals).toMatchObject({ total: 198, cashRounding: -3, due: 195, paid: 195, change: 0 });
  });

  it('rounds a partial cash refund down and lets the last refund settle the rest', () => {
    const original = sale('s1', [line('a', 100), line('b', 98)], nickelDown, [cash(195)]);
    const first = doRefund(original, [], [back(original, 'a', 1000)], 'cash');
    expect(first.totals.due).toBe(95);

    const last = doRefund(original, [first], [back(original, 'b', 1000, 2)], 'cash');
    expect(last.totals.due).toBe(100);
    expect(first.totals.due + last.totals.due).toBe(original.totals.due);
  });

  it('splits taxes of a partly refunded quantity so all parts add up to the sale', () => {
    const rules = pricing({ taxRounding: 'total' });
    const original = sale('s1', [line('a', 333, 3000, { taxes: [GST] })], rules, [card(1049)]);
    expect(original.totals).toMatchObject({ total: 1049, taxTotal: 50 });

    const refunds: Sale[] = [];
    for (const n of [1, 2, 3]) {
      refunds.push(doRefund(original, [...refunds], [back(original, 'a', 1000, n)], 'card'));
    }

    expect(refunds.map((r) => r.totals.due)).toEqual([350, 349, 350]);
    expect(refunds.map((r) => r.totals.taxes[0]?.amount)).toEqual([17, 16, 17]);
    expect(refunds.reduce((sum, r) => sum + r.totals.subtotal, 0)).toBe(original.totals.subtotal);
  });

  it('ignores deleted refunds and refunds of other sales', () => {
    const original = sale('s1', [line('a', 500)], pricing(), [card(500)]);
    const other = sale('s2', [line('a', 500)], pricing(), [card(500)]);
    const stale = doRefund(original, [], [back(original, 'a', 1000)], 'card');
    const previous = [
      { ...stale, _deleted: true },
      { ...stale, id: 'x', refundOfSaleId: other.id },
    ];

    const totals = computeRefundTotals({
      original,
      lines: [back(original, 'a', 1000)],
      previousRefunds: previous,
      payments: [card(500)],
    });
    expect(totals.due).toBe(500);
  });
});

describe('refundableQuantities and checkRefund', () => {
  const original = sale('s1', [line('a', 100, 2000), line('b', 50)], pricing(), [card(250)]);
  const first = doRefund(original, [], [back(original, 'a', 1500)], 'card');

  it('counts down what earlier refunds gave back', () => {
    expect([...refundableQuantities(original, [first])]).toEqual([
      ['a', 500],
      ['b', 1000],
    ]);
  });

  it('accepts a refund within what is left', () => {
    const lines = [back(original, 'a', 500, 2), back(original, 'b', 1000, 2)];
    expect(checkRefund({ original, lines, previousRefunds: [first] })).toEqual({ ok: true });
  });

  it('refuses giving back more than is left, across lines of the same refund too', () => {
    const lines = [back(original, 'a', 300, 2), { ...back(original, 'a', 300, 3) }];
    const result = checkRefund({ original, lines, previousRefunds: [first] });
    expect(result).toMatchObject({ ok: false, code: 'over_refund' });
  });

  it('names the problem for unknown, unlinked and mismatched lines', () => {
    const unknown = { ...back(original, 'a', 1, 2), refundOfLineId: 'zzz' };
    const unlinked = { ...back(original, 'a', 1, 2), refundOfLineId: null };
    const mismatched = { ...back(original, 'a', 1, 2), productId: 'other' };
    const codeOf = (l: SaleLine) => {
      const result = checkRefund({ original, lines: [l], previousRefunds: [] });
      return result.ok ? 'ok' : result.code;
    };

    expect(codeOf(unknown)).toBe('unknown_line');
    expect(codeOf(unlinked)).toBe('missing_line_reference');
    expect(codeOf(mismatched)).toBe('product_mismatch');
    expect(checkRefund({ original, lines: [], previousRefunds: [] })).toMatchObject({
      code: 'empty_refund',
    });
    expect(checkRefund({ original: first, lines: [unknown], previousRefunds: [] })).toMatchObject({
      code: 'not_a_sale',
    });
  });
});
