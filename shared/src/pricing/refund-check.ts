import type { Sale, SaleLine } from '../documents/sale.ts';
import { quantitiesByOriginalLine, refundableQuantities } from './refund-quantities.ts';

export type RefundProblemCode =
  | 'not_a_sale'
  | 'empty_refund'
  | 'missing_line_reference'
  | 'unknown_line'
  | 'product_mismatch'
  | 'over_refund';

export type RefundCheck = { ok: true } | { ok: false; code: RefundProblemCode; message: string };

function problem(code: RefundProblemCode, message: string): RefundCheck {
  return { ok: false, code, message };
}

/** Whether these refund lines may be given back; the till checks offline, the server again. */
export function checkRefund(input: {
  original: Sale;
  lines: readonly SaleLine[];
  previousRefunds: readonly Sale[];
}): RefundCheck {
  const { original, lines } = input;
  if (original.kind !== 'sale' || original._deleted) {
    return problem('not_a_sale', `${original.receiptNumber} is not a sale that can be refunded`);
  }
  if (lines.length === 0) {
    return problem('empty_refund', 'A refund needs at least one line');
  }

  const originalLines = new Map(original.lines.map((l) => [l.lineId, l]));
  for (const line of lines) {
    if (line.refundOfLineId === null) {
      return problem('missing_line_reference', `Refund line ${line.lineId} names no sale line`);
    }
    const source = originalLines.get(line.refundOfLineId);
    if (!source) {
      return problem(
        'unknown_line',
        `Line ${line.refundOfLineId} is not on ${original.receiptNumber}`,
      );
    }
    if (source.productId !== line.productId) {
      return problem('product_mismatch', `Refund line ${line.lineId} is not the product sold`);
    }
  }

  const refundable = refundableQuantities(original, input.previousRefunds);
  for (const [lineId, quantity] of quantitiesByOriginalLine(lines)) {
    const left = refundable.get(lineId) ?? 0;
    if (quantity > left) {
      const name = originalLines.get(lineId)?.name ?? lineId;
      return problem(
        'over_refund',
        `Only ${String(left / 1000)} of ${name} can still be refunded, not ${String(quantity / 1000)}`,
      );
    }
  }

  return { ok: true };
}
