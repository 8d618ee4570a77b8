import { describe, expect, it } from 'vitest';

import { saleTotalsSchema } from '../documents/sale.ts';
import { amountOff, card, cash, GST, line, percentOff, PST, pricing } from './sale-fixtures.ts';
import { cashDue, computeSaleTotals, lineGross, lineNetAmounts } from './sale-totals.ts';

describe('computeSaleTotals: the public cases', () => {
  // 0.28 and 0.22 at 5 % have exact taxes of 1.4 and 1.1 cents.
  const lines = [line('a', 28, 1000, { taxes: [GST] }), line('b', 22, 1000, { taxes: [GST] })];

  it("rounds tax once per rate with 'total': 1.4 + 1.1 = 2.5 -> 3 cents", () => {
    const totals = computeSaleTotals({
      lines,
      cartDiscount: null,
      pricing: pricing({ taxRounding: 'total' }),
      payments: [],
    });
    expect(totals.taxTotal).toBe(3);
    expect(totals.total).toBe(53);
    expect(totals.taxes).toEqual([{ ...GST, base: 50, amount: 3 }]);
  });

  it("rounds tax per line with 'line': 1 + 1 = 2 cents", () => {
    const totals = computeSaleTotals({
      lines,
      cartDiscount: null,
      pricing: pricing({ taxRounding: 'line' }),
      payments: [],
    });
    expect(totals.taxTotal).toBe(2);
    expect(totals.total).toBe(52);
  });

  it('charges 1.95 for a 1.98 item paid in cash when cash rounds down to 0.05', () => {
    const totals = computeSaleTotals({
      lines: [line('a', 198)],
      cartDiscount: null,
      pricing: pricing({ cashRounding: { increment: 5, mode: 'down' } }),
      payments: [cash(195, 200)],
    });
    expect(totals).toMatchObject({ total: 198, cashRounding: -3, due: 195, paid: 195, change: 5 });
  });
});

describe('computeSaleTotals: lines and discounts', () => {
  it('prices weighed goods from thousandths, halves away from zero', () => {
    expect(lineGross({ unitPrice: 599, quantity: 1234 })).toBe(739);
    expect(lineGross({ unitPrice: 5, quantity: 500 })).toBe(3);
    expect(lineGross({ unitPrice: 5, quantity: 100 })).toBe(1);
    expect(lineGross({ unitPrice: 4, quantity: 100 })).toBe(0);
  });

  it('takes percent line discounts in milli-percent and caps amount discounts at the line', () => {
    const totals = computeSaleTotals({
      lines: [
        line('a', 1000, 1000, { discount: percentOff(10_000) }),
        line('b', 1000, 1000, { discount: amountOff(5000) }),
        line('c', 999, 1000, { discount: percentOff(12_500) }),
      ],
      cartDiscount: null,
      pricing: pricing(),
      payments: [],
    });
    expect(totals).toMatchObject({ subtotal: 2999, discountTotal: 100 + 1000 + 125, total: 1774 });
  });

  it('spreads the cart discount pro rata by largest remainder', () => {
    const nets = lineNetAmounts([line('a', 100), line('b', 200)], amountOff(100), pricing());
    expect([...nets]).toEqual([
      ['a', 67],
      ['b', 133],
    ]);
  });

  it('takes a cart percent after line discounts and caps a cart amount at what is left', () => {
    const lines = [line('a', 2000, 1000, { discount: amountOff(1) })];
    const percent = computeSaleTotals({
      lines,
      cartDiscount: percentOff(10_000),
      pricing: pricing(),
      payments: [],
    });
    expect(percent.discountTotal).toBe(1 + 200);

    const capped = computeSaleTotals({
      lines,
      cartDiscount: amountOff(1_000_000),
      pricing: pricing(),
      payments: [],
    });
    expect(capped).toMatchObject({ discountTotal: 2000, total: 0 });
  });
});

describe('computeSaleTotals: taxes', () => {
  it('adds every rate on top when prices exclude tax, summarised per rate in id order', () => {
    const totals = computeSaleTotals({
      lines: [line('a', 1000, 1000, { taxes: [PST, GST] }), line('b', 500, 1000, { taxes: [GST] })],
      cartDiscount: null,
      pricing: pricing(),
      payments: [],
    });
    expect(totals.taxes).toEqual([
      { ...GST, base: 1500, amount: 75 },
      { ...PST, base: 1000, amount: 70 },
    ]);
    expect(totals).toMatchObject({ subtotal: 1500, taxTotal: 145, total: 1645 });
  });

  it('carves every rate out of the price when prices include tax', () => {
    const totals = computeSaleTotals({
      lines: [line('a', 1120, 1000, { taxes: [GST, PST] })],
      cartDiscount: null,
      pricing: pricing({ pricesIncludeTax: true }),
      payments: [],
    });
    expect(totals.taxes).toEqual([
      { ...GST, base: 1000, amount: 50 },
      { ...PST, base: 1000, amount: 70 },
    ]);
    expect(totals).toMatchObject({ subtotal: 1120, taxTotal: 120, total: 1120 });
  });

  it("keeps base + tax equal to the lines with included tax and 'total' rounding", () => {
    const totals = computeSaleTotals({
      lines: [line('a', 105, 1000, { taxes: [GST] }), line('b', 33, 1000, { taxes: [GST] })],
      cartDiscount: null,
      pricing: pricing({ pricesIncludeTax: true, taxRounding: 'total' }),
      payments: [],
    });
    // 105/1.05 = 100 and 33/1.05 = 31.43: taxes 5 + 1.571 = 6.571 -> 7.
    expect(totals.taxes).toEqual([{ ...GST, base: 131, amount: 7 }]);
    expect(totals.total).toBe(138);
  });

  it('taxes the net after the cart discount', () => {
    const totals = computeSaleTotals({
      lines: [line('a', 1000, 1000, { taxes: [GST] })],
      cartDiscount: percentOff(50_000),
      pricing: pricing(),
      payments: [],
    });
    expect(totals).toMatchObject({ discountTotal: 500, taxTotal: 25, total: 525 });
  });
});

describe('computeSaleTotals: tenders', () => {
  const nickel = pricing({ cashRounding: { increment: 5, mode: 'nearest' } });

  it('rounds only the cash part when a card pays some of it', () => {
    const totals = computeSaleTotals({
      lines: [line('a', 1000)],
      cartDiscount: null,
      pricing: nickel,
      payments: [card(503), cash(495, 1000)],
    });
    expect(totals).toMatchObject({ cashRounding: -2, due: 998, paid: 998, change: 505 });
  });

  it('does not round a sale paid by card only', () => {
    const totals = computeSaleTotals({
      lines: [line('a', 998)],
      cartDiscount: null,
      pricing: nickel,
      payments: [card(998)],
    });
    expect(totals).toMatchObject({ cashRounding: 0, due: 998, change: 0 });
  });

  it('never reports negative change for short cash', () => {
    const totals = computeSaleTotals({
      lines: [line('a', 1000)],
      cartDiscount: null,
      pricing: nickel,
      payments: [cash(1000, 900)],
    });
    expect(totals.change).toBe(0);
    expect(saleTotalsSchema.safeParse(totals).success).toBe(true);
  });

  it('tells the pay screen how much cash to collect after cards', () => {
    expect(cashDue(1000, 503, nickel)).toBe(495);
    expect(cashDue(198, 0, pricing({ cashRounding: { increment: 5, mode: 'down' } }))).toBe(195);
    expect(cashDue(198, 0, pricing())).toBe(198);
  });
});
