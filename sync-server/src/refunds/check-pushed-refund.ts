import { checkRefund, type RejectedDocument, type Sale } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import type { Permits } from '../replication/push-permits.ts';
import { checkRefundApproval } from './check-refund-approval.ts';
import { loadRefundHistory, type RefundHistory } from './load-refund-history.ts';

export type RefundVerdict =
  { kind: 'allowed'; history: RefundHistory } | { kind: 'refused'; rejected: RejectedDocument };

/**
 * The server's own check of a pushed refund, whatever the till decided offline: it must be
 * approved, and together with every refund of the same sale stored before it (in this push
 * too) it may not give back more than was sold. A refused refund is quarantined, never stored.
 */
export async function checkPushedRefund(
  tx: Queryable,
  context: { tenantId: string; permits: Permits },
  refund: Sale,
  pending: readonly Sale[],
): Promise<RefundVerdict> {
  const { tenantId } = context;
  const refuse = (code: string, message: string): RefundVerdict => ({
    kind: 'refused',
    rejected: { id: refund.id, code, message },
  });

  const approval = await checkRefundApproval(tx, context, refund);
  if (!approval.ok) return refuse('refund_not_approved', approval.message);

  // Without the original nothing bounds what the refund gives back (money and stock), and its
  // approval is only a claim. Quarantined, it stays visible to managers and nothing is lost.
  const history = await loadRefundHistory(tx, tenantId, refund, pending);
  if (history === undefined) {
    return refuse('original_sale_unknown', `sale ${refund.refundOfSaleId ?? ''} is not here`);
  }

  const check = checkRefund({
    original: history.original,
    lines: refund.lines,
    previousRefunds: history.previousRefunds,
  });
  if (!check.ok) return refuse(check.code, check.message);

  return { kind: 'allowed', history };
}
