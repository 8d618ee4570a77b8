import type { CashRounding, PricingRules } from '../documents/organisation.ts';
import type { Payment, SaleTotals } from '../documents/sale.ts';
import { roundCash } from './rounding.ts';

export type Settlement = Pick<SaleTotals, 'cashRounding' | 'due' | 'paid' | 'change'>;

/**
 * The cash to collect once card tenders cover part of the total: only the cash part is
 * rounded to the store's cash step, cards pay to the cent.
 */
export function cashDue(total: number, nonCashPaid: number, pricing: PricingRules): number {
  return roundCash(total - nonCashPaid, pricing.cashRounding);
}

export function nonCashPaid(payments: readonly Payment[]): number {
  return payments.filter((p) => p.method !== 'cash').reduce((sum, p) => sum + p.amount, 0);
}

/** Change handed back: what each cash tender exceeded its amount by, never negative. */
export function changeGiven(payments: readonly Payment[]): number {
  return payments
    .filter((p) => p.method === 'cash')
    .reduce((sum, p) => sum + Math.max(0, (p.tendered ?? p.amount) - p.amount), 0);
}

/** Applies cash rounding to a total and sums the tenders. */
export function settle(
  total: number,
  payments: readonly Payment[],
  cashRounding: CashRounding,
): Settlement {
  const hasCash = payments.some((p) => p.method === 'cash');
  const cashPart = total - nonCashPaid(payments);
  const rounding = hasCash ? roundCash(cashPart, cashRounding) - cashPart : 0;

  return {
    cashRounding: rounding,
    due: total + rounding,
    paid: payments.reduce((sum, p) => sum + p.amount, 0),
    change: changeGiven(payments),
  };
}
