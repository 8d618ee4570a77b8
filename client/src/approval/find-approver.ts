import { verifyPin, type Staff } from '@pos/shared';

import { decideApproval, type ApprovalRequest, type ApprovalScope } from './approval-request.ts';
import { staffSubject } from './staff-subject.ts';

export type PinCheck = (pin: string, pinHash: string) => Promise<boolean>;

export type ApproverMatch =
  { ok: true; approver: Pick<Staff, 'id' | 'displayName'> } | { ok: false; message: string };

const PIN_SHAPE = /^\d{4,8}$/;

/**
 * The staff member whose PIN this is, among those allowed to approve the request here. Only
 * the allowed are tried, so a cashier's PIN never approves, and it all works offline.
 */
export async function findApprover(
  pin: string,
  staff: readonly Staff[],
  request: ApprovalRequest,
  scope: ApprovalScope,
  check: PinCheck = verifyPin,
): Promise<ApproverMatch> {
  const typed = pin.trim();
  if (!PIN_SHAPE.test(typed)) {
    return { ok: false, message: 'Enter a manager PIN (4 to 8 digits)' };
  }

  const candidates = staff.filter(
    (member) =>
      !member._deleted &&
      member.pinHash !== null &&
      decideApproval(staffSubject(member), request, scope).allowed,
  );
  if (candidates.length === 0) {
    return { ok: false, message: 'No one on this till may approve this: sync the staff list' };
  }

  for (const member of candidates) {
    if (member.pinHash !== null && (await check(typed, member.pinHash))) {
      return { ok: true, approver: { id: member.id, displayName: member.displayName } };
    }
  }
  return { ok: false, message: 'That PIN does not belong to anyone who may approve this' };
}
