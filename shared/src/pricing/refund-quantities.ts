import type { Sale, SaleLine } from '../documents/sale.ts';

/** Refunds that count against a sale: live refund documents pointing at it. */
export function refundsOf(original: Sale, refunds: readonly Sale[]): Sale[] {
  return refunds.filter(
    (r) => r.kind === 'refund' && !r._deleted && r.refundOfSaleId === original.id,
  );
}

/** Quantity per original line id that the given refund lines give back. */
export function quantitiesByOriginalLine(lines: readonly SaleLine[]): Map<string, number> {
  const quantities = new Map<string, number>();
  for (const line of lines) {
    if (line.refundOfLineId !== null) {
      quantities.set(
        line.refundOfLineId,
        (quantities.get(line.refundOfLineId) ?? 0) + line.quantity,
      );
    }
  }
  return quantities;
}

/** Quantity per original line already given back by earlier refunds. */
export function refundedQuantities(
  original: Sale,
  previousRefunds: readonly Sale[],
): Map<string, number> {
  return quantitiesByOriginalLine(refundsOf(original, previousRefunds).flatMap((r) => r.lines));
}

/** How much of each line of a sale may still be refunded, in thousandths. */
export function refundableQuantities(
  original: Sale,
  previousRefunds: readonly Sale[],
): Map<string, number> {
  const refunded = refundedQuantities(original, previousRefunds);
  return new Map(
    original.lines.map((line) => [
      line.lineId,
      Math.max(0, line.quantity - (refunded.get(line.lineId) ?? 0)),
    ]),
  );
}
