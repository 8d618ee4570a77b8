import type { Payment, PricingRules, SaleTotals } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import {
  cardTender,
  cashTender,
  closingTenders,
  isSettled,
  readCashTendered,
  remainingDue,
  suggestTenders,
} from './payment-plan.ts';

const pricing: PricingRules = {
  currency: 'CAD',
  pricesIncludeTax: false,
  taxRounding: 'line',
  cashRounding: { increment: 5, mode: 'nearest' },
};

function card(amount: number): Payment {
  return { id: `card-${amount}`, method: 'card', amount, tendered: null, reference: null };
}

function cash(amount: number, tendered: number): Payment {
  return { id: `cash-${amount}`, method: 'cash', amount, tendered, reference: null };
}

describe('remainingDue', () => {
  it('rounds only the cash part to the store step', () => {
    expect(remainingDue(2347, [], pricing)).toEqual({ card: 2347, cash: 2345 });
  });

  it('leaves the rest of a split after a card part', () => {
    expect(remainingDue(2347, [card(1000)], pricing)).toEqual({ card: 1347, cash: 1345 });
  });

  it('counts cash already taken against the cash part', () => {
    expect(remainingDue(2347, [cash(1000, 1000)], pricing)).toEqual({ card: 1347, cash: 1345 });
  });

  it('is zero once fully paid', () => {
    expect(remainingDue(2347, [card(2347)], pricing)).toEqual({ card: 0, cash: 0 });
  });
});

describe('cashTender', () => {
  it('settles what is left and turns the rest into change', () => {
    const result = cashTender('p1', 2000, 1345, 5);

    expect(result).toEqual({
      ok: true,
      payment: { id: 'p1', method: 'cash', amount: 1345, tendered: 2000, reference: null },
    });
  });

  it('pays part of the sale when less is handed over', () => {
    const result = cashTender('p1', 1000, 1345, 5);

    expect(result.ok && result.payment.amount).toBe(1000);
  });

  it('refuses nothing, nothing left, and amounts finer than the smallest coin', () => {
    expect(cashTender('p1', null, 1345, 5).ok).toBe(false);
    expect(cashTender('p1', 0, 1345, 5).ok).toBe(false);
    expect(cashTender('p1', 2000, 0, 5).ok).toBe(false);
    expect(cashTender('p1', 1002, 1345, 5).ok).toBe(false);
  });
});

describe('readCashTendered', () => {
  it('takes an empty field as exact cash, as its placeholder shows (payment screen)', () => {
    expect(readCashTendered('', 'USD', 6635)).toEqual({ ok: true, tendered: 6635 });
    expect(readCashTendered('  ', 'USD', 6635)).toEqual({ ok: true, tendered: 6635 });
    expect(readCashTendered('100', 'USD', 6635)).toEqual({ ok: true, tendered: 10000 });
  });

  it('says what is wrong instead of "Enter the cash handed over"', () => {
    const message = (text: string) => {
      const reading = readCashTendered(text, 'USD', 6635);
      return reading.ok ? null : reading.message;
    };
    expect(message('99999999999999')).toBe(
      '99999999999999 is too large: the most the till takes is US$1,000,000,000.00',
    );
    expect(message('12.345')).toBe('12.345 has too many decimals (USD has 2)');
    expect(message('abc')).toBe('abc is not an amount of money');
    expect(message('0')).toBe('Cash handed over must be more than zero');
    expect(message('-5')).toBe('Cash handed over cannot be negative');
  });
});

describe('cardTender', () => {
  it('charges up to what is left, with a reference', () => {
    expect(cardTender('p2', 1000, 2347, ' AUTH-1 ')).toEqual({
      ok: true,
      payment: { id: 'p2', method: 'card', amount: 1000, tendered: null, reference: 'AUTH-1' },
    });
  });

  it('refuses more than is left, and nothing', () => {
    expect(cardTender('p2', 2348, 2347, '').ok).toBe(false);
    expect(cardTender('p2', 0, 2347, '').ok).toBe(false);
  });
});

describe('closingTenders', () => {
  it('adds a zero cash tender when the last cents round away in cash', () => {
    const payments = [card(2345)];
    const result = closingTenders(payments, remainingDue(2347, payments, pricing), () => 'z');

    expect(result).toEqual([
      card(2345),
      { id: 'z', method: 'cash', amount: 0, tendered: 0, reference: null },
    ]);
  });

  it('adds nothing when cash was taken already and rounding settled the sale', () => {
    const payments = [cash(2345, 2345)];
    expect(closingTenders(payments, remainingDue(2347, payments, pricing), () => 'z')).toEqual(
      payments,
    );
  });

  it('adds nothing when the sale is paid', () => {
    const payments = [card(2347)];
    expect(closingTenders(payments, remainingDue(2347, payments, pricing), () => 'z')).toEqual(
      payments,
    );
  });
});

describe('isSettled', () => {
  const totals = (due: number, paid: number): SaleTotals => ({
    subtotal: due,
    discountTotal: 0,
    taxTotal: 0,
    total: due,
    taxes: [],
    cashRounding: 0,
    due,
    paid,
    change: 0,
  });

  it('needs the paid amount to reach the due', () => {
    expect(isSettled(totals(1000, 999))).toBe(false);
    expect(isSettled(totals(1000, 1000))).toBe(true);
  });
});

describe('suggestTenders', () => {
  it('offers the exact amount and the next notes up', () => {
    expect(suggestTenders(1345, 2)).toEqual([1345, 1500, 2000, 5000]);
  });

  it('does not repeat an amount that is already a round note', () => {
    expect(suggestTenders(2000, 2)).toEqual([2000, 5000, 10000]);
  });

  it('works for currencies without minor units', () => {
    expect(suggestTenders(1230, 0)).toEqual([1230, 1240, 1250, 1300]);
  });

  it('offers nothing when nothing is due', () => {
    expect(suggestTenders(0, 2)).toEqual([]);
  });
});
