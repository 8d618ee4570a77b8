import {
  checkRefund,
  computeRefundTotals,
  refundableQuantities,
  type Payment,
  type RefundCheck,
  type Sale,
  type SaleLine,
  type SaleTotals,
} from '@pos/shared';

/** Back the way the customer paid, or all in cash from the drawer. */
export type RefundTender = 'original' | 'cash';

export interface RefundSource {
  original: Sale;
  /** Every refund of the original known here: this till's and, when looked up, the server's. */
  previousRefunds: readonly Sale[];
}

export interface RefundPreview {
  lines: SaleLine[];
  payments: Payment[];
  totals: SaleTotals;
  check: RefundCheck;
}

export interface RefundIds {
  line: () => string;
  payment: () => string;
}

/** Refund lines for the quantities asked, each a copy of the sold line naming it. */
export function refundLines(
  original: Sale,
  quantities: ReadonlyMap<string, number>,
  newLineId: () => string,
): SaleLine[] {
  return original.lines.flatMap((line) => {
    const quantity = quantities.get(line.lineId) ?? 0;
    if (quantity <= 0) return [];
    return [{ ...line, lineId: newLineId(), quantity, refundOfLineId: line.lineId }];
  });
}

/** Card money already paid back on earlier refunds: it cannot go back to the card twice. */
function cardRefundedBefore(source: RefundSource): number {
  return source.previousRefunds
    .filter((r) => r.kind === 'refund' && !r._deleted && r.refundOfSaleId === source.original.id)
    .flatMap((r) => r.payments)
    .filter((p) => p.method !== 'cash')
    .reduce((sum, p) => sum + p.amount, 0);
}

function payment(id: string, method: Payment['method'], amount: number): Payment {
  return {
    id,
    method,
    amount,
    tendered: method === 'cash' ? amount : null,
    reference: null,
  };
}

/** How `due` is paid back: card first up to what the card paid, the rest in cash. */
function split(source: RefundSource, tender: RefundTender, due: number, ids: RefundIds) {
  const { original } = source;
  if (tender === 'cash') return [payment(ids.payment(), 'cash', due)];

  const cardPaid = original.payments
    .filter((p) => p.method !== 'cash')
    .reduce((sum, p) => sum + p.amount, 0);
  const paidCash = original.payments.some((p) => p.method === 'cash');
  const cardLeft = Math.max(0, cardPaid - cardRefundedBefore(source));
  const card = paidCash ? Math.min(cardLeft, due) : due;

  const payments = [
    payment(ids.payment(), 'card', card),
    payment(ids.payment(), 'cash', due - card),
  ];
  const kept = payments.filter((p) => p.amount > 0);
  return kept.length > 0 ? kept : [payment(ids.payment(), paidCash ? 'cash' : 'card', 0)];
}

/**
 * The refund as it would be saved. What is paid back depends on the tenders (a cash part is
 * rounded down to the cash step), and the tenders on what is paid back, so the split is
 * repeated until it settles; the rounding only ever lowers the cash part, so it does quickly.
 */
export function previewRefund(
  source: RefundSource,
  quantities: ReadonlyMap<string, number>,
  tender: RefundTender,
  ids: RefundIds,
): RefundPreview {
  const { original, previousRefunds } = source;
  const lines = refundLines(original, quantities, ids.line);
  const check = checkRefund({ original, lines, previousRefunds });
  const totalsFor = (payments: readonly Payment[]) =>
    computeRefundTotals({ original, lines, previousRefunds, payments });

  let payments = split(source, tender, totalsFor([]).due, ids);
  let totals = totalsFor(payments);
  for (let round = 0; round < 4 && totals.due !== totals.paid; round += 1) {
    payments = split(source, tender, totals.due, ids);
    totals = totalsFor(payments);
  }

  return { lines, payments, totals, check };
}

/** What is left to give back, per sold line; a whole refund by default. */
export function remainingQuantities(source: RefundSource): Map<string, number> {
  return refundableQuantities(source.original, source.previousRefunds);
}

export function nothingLeft(source: RefundSource): boolean {
  return [...remainingQuantities(source).values()].every((quantity) => quantity === 0);
}
