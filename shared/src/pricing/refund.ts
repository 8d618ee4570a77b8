import type { Payment, Sale, SaleLine, SaleTotals, TaxSummary } from '../documents/sale.ts';
import { roundCash, roundHalfAwayFromZero } from './rounding.ts';
import { allocateSale, type LineAllocation } from './sale-allocation.ts';
import { changeGiven, nonCashPaid } from './settlement.ts';
import { quantitiesByOriginalLine, refundedQuantities, refundsOf } from './refund-quantities.ts';

export { checkRefund, type RefundCheck, type RefundProblemCode } from './refund-check.ts';
export { refundableQuantities } from './refund-quantities.ts';

export interface RefundTotalsInput {
  readonly original: Sale;
  /** The refund's lines, each naming the original line it gives back in refundOfLineId. */
  readonly lines: readonly SaleLine[];
  readonly previousRefunds: readonly Sale[];
  readonly payments: readonly Payment[];
}

/** A line's share of a figure once `quantity` of its `of` has been refunded, cumulatively. */
function portion(amount: bigint, quantity: bigint, of: bigint): bigint {
  return roundHalfAwayFromZero(amount * quantity, of);
}

interface Step {
  readonly line: LineAllocation;
  readonly before: bigint;
  readonly after: bigint;
}

/** What a refund step gives back of one figure: cumulative share after minus before. */
function delta(step: Step, amount: bigint): bigint {
  return (
    portion(amount, step.after, step.line.quantity) -
    portion(amount, step.before, step.line.quantity)
  );
}

function refundTaxes(steps: readonly Step[]): TaxSummary[] {
  const byGroup = new Map<string, TaxSummary>();
  for (const step of steps) {
    for (const tax of step.line.taxes) {
      const seen = byGroup.get(tax.groupKey);
      byGroup.set(tax.groupKey, {
        taxRateId: tax.taxRateId,
        name: tax.name,
        rateMilliPercent: tax.rateMilliPercent,
        base: (seen?.base ?? 0) + Number(delta(step, tax.base)),
        amount: (seen?.amount ?? 0) + Number(delta(step, tax.amount)),
      });
    }
  }
  return [...byGroup.values()].sort((a, b) =>
    a.taxRateId === b.taxRateId
      ? a.rateMilliPercent - b.rateMilliPercent
      : a.taxRateId < b.taxRateId
        ? -1
        : 1,
  );
}

/**
 * Totals of a refund, priced from the original sale rather than from today's prices. Every
 * figure is the line's cumulative share after this refund minus before it, so any split into
 * partial refunds adds up exactly to the original. Money paid back follows the same rule and
 * never runs ahead of what was paid for the refunded quantities; a partial cash refund is
 * rounded down to the cash step, and the last refund settles whatever is left.
 */
export function computeRefundTotals(input: RefundTotalsInput): SaleTotals {
  const { original, payments } = input;
  const allocation = allocateSale(original);
  const refundedBefore = refundedQuantities(original, input.previousRefunds);
  const refundingNow = quantitiesByOriginalLine(input.lines);

  const clamp = (n: bigint, max: bigint) => (n > max ? max : n);
  const allSteps = allocation.lines.map((line): Step => {
    const before = clamp(BigInt(refundedBefore.get(line.lineId) ?? 0), line.quantity);
    const after = clamp(before + BigInt(refundingNow.get(line.lineId) ?? 0), line.quantity);
    return { line, before, after };
  });
  const steps = allSteps.filter((s) => s.after > s.before);

  // The figures of this refund alone.
  const discountTotal = steps.reduce((sum, s) => sum + Number(delta(s, s.line.discount)), 0);
  const taxes = refundTaxes(steps);
  const taxTotal = taxes.reduce((sum, t) => sum + t.amount, 0);
  const total = steps.reduce((sum, s) => sum + Number(delta(s, s.line.total)), 0);
  const subtotal = total + discountTotal - (original.pricing.pricesIncludeTax ? 0 : taxTotal);

  // Money paid back so far is what earlier refunds actually paid, so rounding never compounds.
  const paidBackBefore = refundsOf(original, input.previousRefunds).reduce(
    (sum, r) => sum + r.totals.due,
    0,
  );
  const isLast = allSteps.every((s) => s.after === s.line.quantity);
  const owedSoFar = allSteps.reduce(
    (sum, s) => sum + Number(portion(s.line.paid, s.after, s.line.quantity)),
    0,
  );
  const due = isLast
    ? Math.max(0, Number(allocation.due) - paidBackBefore)
    : roundDownCashPart(Math.max(0, owedSoFar - paidBackBefore), payments, original);

  return {
    subtotal,
    discountTotal,
    taxTotal,
    total,
    taxes,
    cashRounding: due - total,
    due,
    paid: payments.reduce((sum, p) => sum + p.amount, 0),
    change: changeGiven(payments),
  };
}

/** Cash paid back on a partial refund is rounded down to the store's cash step. */
function roundDownCashPart(amount: number, payments: readonly Payment[], original: Sale): number {
  const cashPart = amount - nonCashPaid(payments);
  if (!payments.some((p) => p.method === 'cash') || cashPart <= 0) {
    return amount;
  }

  const increment = original.pricing.cashRounding.increment;
  return amount - cashPart + roundCash(cashPart, { increment, mode: 'down' });
}
