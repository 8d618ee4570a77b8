import { authorize, type Sale } from '@pos/shared';

import { loadStaffMember, staffSubject } from '../auth/staff-member.ts';
import type { Queryable } from '../db/database.ts';

export type RefundApproval = { ok: true } | { ok: false; message: string };

/**
 * A refund moves cash out of the drawer, so it must name who approved it: a staff member of
 * the tenant who may refund in the refund's store. The till checked the PIN, maybe offline;
 * the server checks that whoever it names holds the role. A manager refunding alone names
 * themselves.
 */
export async function checkRefundApproval(
  tx: Queryable,
  tenantId: string,
  refund: Pick<Sale, 'approvedBy' | 'storeId'>,
): Promise<RefundApproval> {
  const approverId = refund.approvedBy ?? null;
  if (approverId === null) {
    return { ok: false, message: 'the refund names no approving manager' };
  }

  const approver = await loadStaffMember(tx, tenantId, approverId);
  if (approver === undefined) {
    return { ok: false, message: `${approverId} is not a staff member of this tenant` };
  }

  const decision = authorize({
    subject: staffSubject(approver),
    action: 'refund',
    tenantId,
    storeId: refund.storeId,
  });
  if (!decision.allowed) {
    return {
      ok: false,
      message: `${approver.displayName} may not approve refunds in store ${refund.storeId}: ${decision.reason}`,
    };
  }
  return { ok: true };
}
