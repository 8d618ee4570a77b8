import { z } from 'zod';

import {
  idSchema,
  isoInstantSchema,
  minorSchema,
  nonNegativeMinorSchema,
} from '../documents/common.ts';
import type { CashMovement, Shift } from '../documents/organisation.ts';
import { taxSummarySchema, type Payment, type Sale } from '../documents/sale.ts';
import { denominationTotal } from './denominations.ts';

const countSchema = z.number().int().min(0);

// Same shape as a sale's tax summary, netted over the shift's sales and refunds.
export const shiftReportTaxSchema = taxSummarySchema;
export type ShiftReportTax = z.infer<typeof shiftReportTaxSchema>;

export const tenderTotalsSchema = z
  .object({
    sales: minorSchema,
    refunds: minorSchema,
    net: minorSchema,
  })
  .strict();
export type TenderTotals = z.infer<typeof tenderTotalsSchema>;

/** The Z report of one shift; the till and the server compute it identically. */
export const shiftReportSchema = z
  .object({
    shiftId: idSchema,
    storeId: idSchema,
    deviceId: idSchema,
    openedAt: isoInstantSchema,
    closedAt: isoInstantSchema.nullable(),
    openingFloat: nonNegativeMinorSchema,
    salesCount: countSchema,
    refundsCount: countSchema,
    /** Σ due of sales. */
    grossSales: minorSchema,
    /** Σ due of refunds, as a positive amount. */
    refundsTotal: minorSchema,
    netSales: minorSchema,
    /** Discounts of sales minus the discounts given back by refunds. */
    discountsTotal: minorSchema,
    cashRoundingTotal: minorSchema,
    /** One row per taxRateId and rate, sorted by both. */
    taxes: z.array(shiftReportTaxSchema),
    tenders: z.object({ cash: tenderTotalsSchema, card: tenderTotalsSchema }).strict(),
    cashIn: nonNegativeMinorSchema,
    cashOut: nonNegativeMinorSchema,
    /** openingFloat + cash sales − cash refunds + cashIn − cashOut. */
    expectedCash: minorSchema,
    countedCash: nonNegativeMinorSchema.nullable(),
    /** countedCash − expectedCash: negative when the drawer is short; null until counted. */
    difference: minorSchema.nullable(),
  })
  .strict();
export type ShiftReport = z.infer<typeof shiftReportSchema>;

export interface ShiftReportInput {
  readonly shift: Shift;
  /** Sales and refunds of this shift. */
  readonly sales: readonly Sale[];
  readonly cashMovements: readonly CashMovement[];
}

type Method = Payment['method'];

function sumPayments(doc: Sale, method: Method): number {
  return doc.payments.filter((p) => p.method === method).reduce((sum, p) => sum + p.amount, 0);
}

function tender(docs: readonly Sale[], refunds: readonly Sale[], method: Method): TenderTotals {
  // A cash payment's amount is the part it settles, so change handed back is already out.
  const sales = docs.reduce((sum, d) => sum + sumPayments(d, method), 0);
  const refunded = refunds.reduce((sum, d) => sum + sumPayments(d, method), 0);
  return { sales, refunds: refunded, net: sales - refunded };
}

function sumTotals(docs: readonly Sale[], pick: (totals: Sale['totals']) => number): number {
  return docs.reduce((sum, d) => sum + pick(d.totals), 0);
}

function netTaxes(docs: readonly Sale[]): ShiftReportTax[] {
  const byGroup = new Map<string, ShiftReportTax>();

  for (const doc of docs) {
    const sign = doc.kind === 'refund' ? -1 : 1;
    for (const tax of doc.totals.taxes) {
      const key = `${tax.taxRateId}\u0000${String(tax.rateMilliPercent)}`;
      const seen = byGroup.get(key);
      byGroup.set(key, {
        taxRateId: tax.taxRateId,
        // The earliest document names the row, so input order never changes the report.
        name: seen?.name ?? tax.name,
        rateMilliPercent: tax.rateMilliPercent,
        base: (seen?.base ?? 0) + sign * tax.base,
        amount: (seen?.amount ?? 0) + sign * tax.amount,
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

function byCreation(a: Sale, b: Sale): number {
  // NaN (an unparseable instant) is falsy too, so the id still decides.
  const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (diff) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function countedCashOf(shift: Shift): number | null {
  if (shift.countedCash !== null) return shift.countedCash;
  return shift.countedByDenomination === null
    ? null
    : denominationTotal(shift.countedByDenomination);
}

/**
 * The Z report of a shift from its documents.
 *
 * Every figure comes from each document's own `totals`, never from `server.totals`: the till
 * has no server totals offline, and mixing the two would make the till's and the server's
 * reports differ by a cent. The server flags documents whose totals it disagrees with on its
 * own, so a wrong sale is visible without making the drawer count disagree.
 *
 * Deleted documents and documents of another shift are left out, and the documents are put in
 * creation order first, so any two callers holding the same documents get the same report.
 */
export function computeShiftReport(input: ShiftReportInput): ShiftReport {
  const { shift } = input;

  const docs = input.sales.filter((d) => !d._deleted && d.shiftId === shift.id).sort(byCreation);
  const sales = docs.filter((d) => d.kind === 'sale');
  const refunds = docs.filter((d) => d.kind === 'refund');

  const grossSales = sumTotals(sales, (t) => t.due);
  const refundsTotal = sumTotals(refunds, (t) => t.due);
  const discountsTotal =
    sumTotals(sales, (t) => t.discountTotal) - sumTotals(refunds, (t) => t.discountTotal);
  const cashRoundingTotal =
    sumTotals(sales, (t) => t.cashRounding) - sumTotals(refunds, (t) => t.cashRounding);

  const cash = tender(sales, refunds, 'cash');
  const card = tender(sales, refunds, 'card');

  const movements = input.cashMovements.filter((m) => !m._deleted && m.shiftId === shift.id);
  const cashIn = movements.filter((m) => m.type === 'in').reduce((s, m) => s + m.amount, 0);
  const cashOut = movements.filter((m) => m.type === 'out').reduce((s, m) => s + m.amount, 0);

  // Only cash tenders touch the drawer; cards settle elsewhere.
  const expectedCash = shift.openingFloat + cash.net + cashIn - cashOut;
  const countedCash = countedCashOf(shift);

  return {
    shiftId: shift.id,
    storeId: shift.storeId,
    deviceId: shift.deviceId,
    openedAt: shift.openedAt,
    closedAt: shift.closedAt,
    openingFloat: shift.openingFloat,
    salesCount: sales.length,
    refundsCount: refunds.length,
    grossSales,
    refundsTotal,
    netSales: grossSales - refundsTotal,
    discountsTotal,
    cashRoundingTotal,
    taxes: netTaxes(docs),
    tenders: { cash, card },
    cashIn,
    cashOut,
    expectedCash,
    countedCash,
    difference: countedCash === null ? null : countedCash - expectedCash,
  };
}
