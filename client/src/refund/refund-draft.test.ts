import { computeSaleTotals, type Payment, type Sale, type SaleLine } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { sampleSale } from '../data/testing/sample-documents.ts';
import { nothingLeft, previewRefund, refundLines, type RefundSource } from './refund-draft.ts';

function counter(prefix: string) {
  let n = 0;
  return () => `${prefix}-${(n += 1)}`;
}

const line = (lineId: string, quantity: number, unitPrice: number): SaleLine => ({
  lineId,
  productId: `product-${lineId}`,
  sku: lineId.toUpperCase(),
  name: `Item ${lineId}`,
  quantity,
  unitPrice,
  taxes: [],
  discount: null,
  refundOfLineId: null,
});

/** A sale of 3 × 1.99 and 1 × 5.01, settled with the given tenders. */
function sale(payments: Payment[]): Sale {
  const lines = [line('a', 3000, 199), line('b', 1000, 501)];
  const pricing = sampleSale.pricing;
  return {
    ...sampleSale,
    id: 'sale-x',
    server: undefined,
    lines,
    payments,
    totals: computeSaleTotals({ lines, cartDiscount: null, pricing, payments }),
  } as Sale;
}

const cash = (amount: number): Payment => ({
  id: 'p-cash',
  method: 'cash',
  amount,
  tendered: amount,
  reference: null,
});
const card = (amount: number): Payment => ({
  id: 'p-card',
  method: 'card',
  amount,
  tendered: null,
  reference: null,
});

const ids = () => ({ line: counter('rl'), payment: counter('rp') });

/** Stores the preview as a refund document, as the till would. */
function asRefund(source: RefundSource, quantities: Map<string, number>, id: string): Sale {
  const preview = previewRefund(source, quantities, 'cash', ids());
  return {
    ...source.original,
    id,
    kind: 'refund',
    refundOfSaleId: source.original.id,
    lines: preview.lines,
    payments: preview.payments,
    totals: preview.totals,
  };
}

describe('refundLines', () => {
  it('copies only the lines asked for, each naming the sold line', () => {
    const original = sale([cash(1100)]);
    const lines = refundLines(original, new Map([['a', 2000]]), counter('rl'));

    expect(lines).toEqual([
      { ...original.lines[0], lineId: 'rl-1', quantity: 2000, refundOfLineId: 'a' },
    ]);
  });
});

describe('previewRefund', () => {
  it('pays a partial cash refund back rounded down to the cash step', () => {
    const source = { original: sale([cash(1100)]), previousRefunds: [] };
    const preview = previewRefund(source, new Map([['a', 1000]]), 'cash', ids());

    expect(preview.check).toEqual({ ok: true });
    expect(preview.totals.total).toBe(199);
    expect(preview.totals.due).toBe(195);
    expect(preview.totals.cashRounding).toBe(-4);
    expect(preview.payments).toMatchObject([{ method: 'cash', amount: 195 }]);
  });

  it('gives a card sale back to the card to the cent', () => {
    const original = sale([card(1098)]);
    const preview = previewRefund(
      { original, previousRefunds: [] },
      new Map([['a', 1000]]),
      'original',
      ids(),
    );

    expect(preview.payments).toMatchObject([{ method: 'card', amount: 199 }]);
    expect(preview.totals).toMatchObject({ due: 199, paid: 199, cashRounding: 0 });
  });

  it('settles exactly what was paid once every line is back, across partial refunds', () => {
    const original = sale([cash(1100)]);
    const first = asRefund({ original, previousRefunds: [] }, new Map([['a', 1000]]), 'r1');
    const rest = previewRefund(
      { original, previousRefunds: [first] },
      new Map([
        ['a', 2000],
        ['b', 1000],
      ]),
      'cash',
      ids(),
    );

    expect(first.totals.due + rest.totals.due).toBe(original.totals.due);
  });

  it('refuses a second refund of a line already given back in full', () => {
    const original = sale([cash(1100)]);
    const all = new Map([
      ['a', 3000],
      ['b', 1000],
    ]);
    const first = asRefund({ original, previousRefunds: [] }, all, 'r1');
    const source = { original, previousRefunds: [first] };

    expect(nothingLeft(source)).toBe(true);
    expect(previewRefund(source, new Map([['b', 1000]]), 'cash', ids()).check).toMatchObject({
      ok: false,
      code: 'over_refund',
      message: 'Only 0 of Item b can still be refunded, not 1',
    });
  });
});
