import { describe, expect, it } from 'vitest';

import { computeRefundTotals } from '../pricing/refund.ts';
import {
  card,
  cash,
  GST,
  line,
  percentOff,
  pricing,
  refund,
  sale,
} from '../pricing/sale-fixtures.ts';
import { computeShiftReport, shiftReportSchema } from './shift-report.ts';
import { inShift, movement, shift } from './shift-fixtures.ts';

const rules = pricing({ cashRounding: { increment: 5, mode: 'nearest' } });
const taxed = { taxes: [GST] };

// Two at 10.00 + 5 % GST = 21.00, paid with a 50.00 note: 29.00 change.
const saleA = inShift(
  sale('a', [line('a1', 1000, 2000, taxed)], rules, [cash(2100, 5000)]),
  '2024-05-01T10:00:00.000Z',
);
// 3.99 + 0.20 GST = 4.19, rounded to 4.20 in cash.
const saleB = inShift(
  sale('b', [line('b1', 399, 1000, taxed)], rules, [cash(420)]),
  '2024-05-01T10:30:00.000Z',
);
// 20.00 less 10 % = 18.00 + 0.90 GST = 18.90 on card.
const saleC = inShift(
  sale('c', [line('c1', 2000, 1000, { ...taxed, discount: percentOff(10_000) })], rules, [
    card(1890),
  ]),
  '2024-05-01T11:00:00.000Z',
);
// 30.00 + 1.50 GST = 31.50: 10.00 on card, 21.50 cash from 22.00.
const saleD = inShift(
  sale('d', [line('d1', 3000, 1000, taxed)], rules, [card(1000), cash(2150, 2200)]),
  '2024-05-01T12:00:00.000Z',
);

// One of the two items of sale A back in cash: 10.50.
const refundLines = [line('r1', 1000, 1000, { ...taxed, refundOfLineId: 'a1' })];
const refundPayments = [cash(1050)];
const refundA = inShift(
  refund(
    'r',
    saleA,
    refundLines,
    refundPayments,
    computeRefundTotals({
      original: saleA,
      lines: refundLines,
      previousRefunds: [],
      payments: refundPayments,
    }),
  ),
  '2024-05-01T13:00:00.000Z',
);

const deleted = { ...inShift(saleB, '2024-05-01T14:00:00.000Z'), id: 'gone', _deleted: true };
const otherShift = { ...inShift(saleA, '2024-05-01T14:00:00.000Z', 'shift-2'), id: 'other' };

const documents = [saleA, saleB, saleC, saleD, refundA, deleted, otherShift];
const movements = [
  movement('in', 'in', 20_00),
  movement('out', 'out', 5_50),
  { ...movement('out-deleted', 'out', 99_00), _deleted: true },
  movement('in-other', 'in', 7_00, 'shift-2'),
];

describe('computeShiftReport', () => {
  it('reproduces a hand-computed Z report to the cent', () => {
    expect(saleB.totals).toMatchObject({ total: 419, cashRounding: 1, due: 420 });
    expect(saleC.totals).toMatchObject({ discountTotal: 200, due: 1890 });
    expect(refundA.totals).toMatchObject({ total: 1050, due: 1050, discountTotal: 0 });

    // Expected 100.00 + 46.70 − 10.50 + 20.00 − 5.50 = 150.70; the count is 3 cents short.
    const report = computeShiftReport({
      shift: shift({ countedCash: 150_67 }),
      sales: documents,
      cashMovements: movements,
    });

    expect(report).toEqual({
      shiftId: 'shift-1',
      storeId: 'store-1',
      deviceId: 'device-1',
      openedAt: '2024-05-01T09:00:00.000Z',
      closedAt: '2024-05-01T17:00:00.000Z',
      openingFloat: 100_00,
      salesCount: 4,
      refundsCount: 1,
      grossSales: 2100 + 420 + 1890 + 3150,
      refundsTotal: 1050,
      netSales: 7560 - 1050,
      discountsTotal: 200,
      cashRoundingTotal: 1,
      taxes: [
        {
          taxRateId: 'gst',
          name: 'GST',
          rateMilliPercent: 5000,
          base: 2000 + 399 + 1800 + 3000 - 1000,
          amount: 100 + 20 + 90 + 150 - 50,
        },
      ],
      tenders: {
        cash: { sales: 2100 + 420 + 2150, refunds: 1050, net: 3620 },
        card: { sales: 1890 + 1000, refunds: 0, net: 2890 },
      },
      cashIn: 20_00,
      cashOut: 5_50,
      expectedCash: 150_70,
      countedCash: 150_67,
      difference: -3,
    });
    expect(shiftReportSchema.parse(report)).toEqual(report);
  });

  it('does not depend on the order of the documents', () => {
    const input = { shift: shift(), cashMovements: movements };
    const forward = computeShiftReport({ ...input, sales: documents });
    const backward = computeShiftReport({ ...input, sales: [...documents].reverse() });

    expect(backward).toEqual(forward);
  });

  it('leaves the count and the difference null until the drawer is counted', () => {
    const report = computeShiftReport({ shift: shift(), sales: documents, cashMovements: [] });

    expect(report.expectedCash).toBe(100_00 + 3620);
    expect(report.countedCash).toBeNull();
    expect(report.difference).toBeNull();
  });

  it('falls back to the counted denominations when no counted total is stored', () => {
    const counted = shift({ countedByDenomination: { '10000': 1, '2000': 2, '1000': 1, '5': 1 } });
    const report = computeShiftReport({ shift: counted, sales: [], cashMovements: [] });

    expect(report.countedCash).toBe(150_05);
    expect(report.difference).toBe(50_05);
  });

  it('uses the document totals, not the server-recomputed ones', () => {
    const serverTotals = { ...saleB.totals, due: 999, taxes: [] };
    const flagged: typeof saleB = {
      ...saleB,
      server: {
        receivedAt: '2024-05-01T10:31:00.000Z',
        businessDay: '2024-05-01',
        status: 'flagged',
        issues: [],
        totals: serverTotals,
      },
    };
    const report = computeShiftReport({ shift: shift(), sales: [flagged], cashMovements: [] });

    expect(report.grossSales).toBe(420);
    expect(report.taxes).toHaveLength(1);
  });

  it('keeps one tax row per rate even when the rate id is shared, and names rows stably', () => {
    const oldGst = { ...GST, name: 'GST (old)', rateMilliPercent: 6000 };
    const early = inShift(
      sale('e1', [line('x', 1000, 1000, { taxes: [oldGst] })], rules, [card(1060)]),
      '2024-05-01T09:10:00.000Z',
    );
    const late = inShift(
      sale('e2', [line('y', 1000, 1000, { taxes: [{ ...GST, name: 'Renamed' }] })], rules, [
        card(1050),
      ]),
      '2024-05-01T15:00:00.000Z',
    );
    const report = computeShiftReport({
      shift: shift(),
      sales: [late, saleB, early],
      cashMovements: [],
    });

    expect(report.taxes.map((t) => [t.name, t.rateMilliPercent, t.amount])).toEqual([
      ['GST', 5000, 20 + 50],
      ['GST (old)', 6000, 60],
    ]);
  });
});
