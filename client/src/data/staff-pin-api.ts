import type { Staff } from '@pos/shared';

import { checkStaffPin, type UnlockResult } from '../lock/check-staff-pin.ts';
import { PinAttempts } from '../lock/pin-attempts.ts';
import { plainDocument } from './plain-document.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import type { TillContext } from './till-api.ts';
import type { TillDatabase } from './till-database.ts';

export interface StaffPinApi {
  /** Checks a staff member's PIN against the synced staff list, offline. */
  check(userId: string, pin: string): Promise<UnlockResult>;
}

export function createStaffPinApi(
  db: TillDatabase,
  context: () => TillContext,
  attempts = new PinAttempts(),
): StaffPinApi {
  return {
    async check(userId, pin) {
      const wait = attempts.waitFor(userId);
      if (wait > 0) {
        return {
          ok: false,
          message: `Too many wrong PINs: try again in ${Math.ceil(wait / 1000)} s`,
        };
      }

      const doc = await db.staff.findOne(userId).exec();
      const staff = doc ? (plainDocument<RxDoc<'staff'>>(doc._data) as Staff) : undefined;
      const till = context();
      const result = await checkStaffPin(pin, staff, {
        tenantId: till.session.me.tenantId,
        storeId: till.store.id,
      });

      if (result.ok) attempts.succeeded(userId);
      else if (/^\d{4,8}$/.test(pin.trim())) attempts.failed(userId);
      return result;
    },
  };
}
