import type { Sale } from '@pos/shared';

import { loadStaffMember } from '../auth/staff-member.ts';
import type { Queryable } from '../db/database.ts';
import type { Permits, PushQuestion } from '../replication/push-permits.ts';

export type RefundApproval = { ok: true } | { ok: false; message: string };

type RefundPlace = Pick<Sale, 'approvedBy' | 'storeId'>;

/** The question a refund raises: may whoever it names as approver refund in its store? */
export function refundApprovalQuestion(refund: RefundPlace): PushQuestion | undefined {
  const approverId = refund.approvedBy ?? null;
  if (approverId === null) return undefined;
  return { userId: approverId, action: 'refund', storeId: refund.storeId };
}

/**
 * A refund moves cash out of the drawer, so it must name who approved it: a staff member of
 * the tenant who may refund in the refund's store. The till checked the PIN, maybe offline;
 * the server asks the authorizer whether whoever it names holds the permission. A manager
 * refunding alone names themselves.
 */
export async function checkRefundApproval(
  tx: Queryable,
  context: { tenantId: string; permits: Permits },
  refund: RefundPlace,
): Promise<RefundApproval> {
  const question = refundApprovalQuestion(refund);
  if (question === undefined) {
    return { ok: false, message: 'the refund names no approving manager' };
  }

  // Read for the manager's message only: the decision is the authorizer's.
  const approver = await loadStaffMember(tx, context.tenantId, question.userId);
  if (approver === undefined) {
    return { ok: false, message: `${question.userId} is not a staff member of this tenant` };
  }

  const decision = context.permits.decision(question);
  if (!decision.allowed) {
    return {
      ok: false,
      message: `${approver.displayName} may not approve refunds in store ${refund.storeId}: ${decision.reason}`,
    };
  }
  return { ok: true };
}
