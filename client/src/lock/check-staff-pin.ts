import { authorize, verifyPin, type Staff } from '@pos/shared';

import { staffSubject } from '../approval/staff-subject.ts';

export type PinCheck = (pin: string, pinHash: string) => Promise<boolean>;
export type UnlockResult = { ok: true } | { ok: false; message: string };

const PIN_SHAPE = /^\d{4,8}$/;

export interface UnlockScope {
  tenantId: string;
  storeId: string;
}

/**
 * Whether this PIN unlocks the till for this staff member, offline, against the replicated
 * staff document: it must still exist, have a PIN, and hold a role that sells in this store.
 */
export async function checkStaffPin(
  pin: string,
  staff: Staff | undefined,
  scope: UnlockScope,
  check: PinCheck = verifyPin,
): Promise<UnlockResult> {
  const typed = pin.trim();
  if (!PIN_SHAPE.test(typed)) return { ok: false, message: 'Enter your PIN (4 to 8 digits)' };

  if (staff === undefined || staff._deleted) {
    return {
      ok: false,
      message: 'This person is not on the till’s staff list: sign in with the account',
    };
  }
  if (staff.pinHash === null) {
    return { ok: false, message: `${staff.displayName} has no PIN yet: sign in with the account` };
  }
  const sell = authorize({
    subject: staffSubject(staff),
    action: 'sell',
    tenantId: scope.tenantId,
    storeId: scope.storeId,
  });
  if (!sell.allowed) return { ok: false, message: `${staff.displayName}: ${sell.reason}` };

  return (await check(typed, staff.pinHash))
    ? { ok: true }
    : { ok: false, message: 'That PIN is not right' };
}
