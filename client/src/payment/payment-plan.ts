import {
  cashDue,
  currencyExponent,
  formatMoney,
  parseMoney,
  type Payment,
  type PricingRules,
  type SaleTotals,
} from '@pos/shared';

/** What is left to pay, per kind of tender: cash is rounded to the store's step, card is not. */
export interface Remaining {
  card: number;
  cash: number;
}

function sumAmounts(payments: readonly Payment[]): number {
  return payments.reduce((sum, p) => sum + p.amount, 0);
}

export function remainingDue(
  total: number,
  payments: readonly Payment[],
  pricing: PricingRules,
): Remaining {
  const paid = sumAmounts(payments);
  const cardPaid = sumAmounts(payments.filter((p) => p.method !== 'cash'));
  const cashPaid = paid - cardPaid;

  return {
    card: Math.max(0, total - paid),
    cash: Math.max(0, cashDue(total, cardPaid, pricing) - cashPaid),
  };
}

/** Whether the tenders settle the sale, with cash rounding as the pricing applied it. */
export function isSettled(totals: SaleTotals): boolean {
  return totals.paid >= totals.due;
}

export type TenderResult = { ok: true; payment: Payment } | { ok: false; message: string };

export type CashReading = { ok: true; tendered: number } | { ok: false; message: string };

/** The most the till takes as one amount (the money parser's limit). */
const MAX_AMOUNT = 1_000_000_000_00;

/**
 * What the "Cash handed over" field says. Empty means exact cash: the field shows the amount
 * due as its placeholder, so that is what the cashier took. Refusals say what is wrong.
 */
export function readCashTendered(text: string, currency: string, cashDueNow: number): CashReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, tendered: cashDueNow };

  const parsed = parseMoney(trimmed, currency);
  if (parsed !== null) {
    if (parsed < 0) return { ok: false, message: 'Cash handed over cannot be negative' };
    if (parsed === 0) return { ok: false, message: 'Cash handed over must be more than zero' };
    return { ok: true, tendered: parsed };
  }

  const exponent = currencyExponent(currency);
  const digits = trimmed.replace(/[^\d.,]/g, '');
  const [, fraction = ''] = /^[\d,]*\.(\d*)$/.exec(digits) ?? [];
  if (fraction.length > exponent) {
    return {
      ok: false,
      message:
        exponent === 0
          ? `${trimmed}: ${currency} has no decimals`
          : `${trimmed} has too many decimals (${currency} has ${exponent})`,
    };
  }
  const whole = digits.split('.')[0]?.replace(/,/g, '') ?? '';
  if (/^\d+$/.test(whole) && Number(whole) * 10 ** exponent > MAX_AMOUNT) {
    return {
      ok: false,
      message: `${trimmed} is too large: the most the till takes is ${formatMoney(MAX_AMOUNT, currency)}`,
    };
  }
  return { ok: false, message: `${trimmed} is not an amount of money` };
}

/**
 * A cash tender settles up to what is left in cash; the rest of what was handed over is
 * change. Handing over less pays part of the sale and leaves the rest for another tender.
 */
export function cashTender(
  id: string,
  tendered: number | null,
  remainingCash: number,
  increment: number,
): TenderResult {
  if (tendered === null || tendered <= 0) {
    return { ok: false, message: 'Enter the cash handed over' };
  }
  if (remainingCash <= 0) {
    return { ok: false, message: 'Nothing is left to pay in cash' };
  }
  if (tendered % increment !== 0) {
    return { ok: false, message: 'Cash comes in steps of the smallest coin in use' };
  }

  const amount = Math.min(tendered, remainingCash);
  return { ok: true, payment: { id, method: 'cash', amount, tendered, reference: null } };
}

export function cardTender(
  id: string,
  amount: number | null,
  remainingCard: number,
  reference: string,
): TenderResult {
  if (amount === null || amount <= 0) {
    return { ok: false, message: 'Enter the amount charged to the card' };
  }
  if (amount > remainingCard) {
    return { ok: false, message: 'A card cannot pay more than is left' };
  }

  const trimmed = reference.trim();
  return {
    ok: true,
    payment: {
      id,
      method: 'card',
      amount,
      tendered: null,
      reference: trimmed === '' ? null : trimmed,
    },
  };
}

/**
 * Some last cent of a card-paid sale can round away in cash (0.02 rounds to 0.00). A zero
 * cash tender records that the cash rule settled it; with cash already taken it is not needed.
 */
export function closingTenders(
  payments: readonly Payment[],
  remaining: Remaining,
  newId: () => string,
): Payment[] {
  const hasCash = payments.some((p) => p.method === 'cash');
  if (hasCash || remaining.card === 0 || remaining.cash !== 0) return [...payments];

  return [...payments, { id: newId(), method: 'cash', amount: 0, tendered: 0, reference: null }];
}

const NOTES_IN_MAJOR_UNITS = [5, 10, 20, 50, 100];

/** Quick cash buttons: the exact amount, then the next round sums in common notes. */
export function suggestTenders(due: number, currencyExponent: number, count = 4): number[] {
  if (due <= 0) return [];

  const unit = 10 ** currencyExponent;
  const suggestions = new Set<number>([due]);
  for (const note of NOTES_IN_MAJOR_UNITS) {
    const step = note * unit;
    const next = due + ((step - (due % step)) % step);
    if (next > due) suggestions.add(next);
  }

  return [...suggestions].sort((a, b) => a - b).slice(0, count);
}
