import type { Shift } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import type { PushNotice } from '../replication/push-rule.ts';
import { shiftReport } from './shift-report.ts';

/**
 * When a shift arrives closed, the server works out the expected cash itself from the shift's
 * documents stored so far and keeps it next to the till's figure. A till figure that differs
 * is a notice for operators: either documents of the shift are still on their way, or the
 * till counted differently. The report route recomputes with whatever arrived since.
 */
export async function checkClosedShiftCash(
  tx: Queryable,
  tenantId: string,
  shifts: readonly Shift[],
): Promise<PushNotice[]> {
  const notices: PushNotice[] = [];

  for (const shift of shifts) {
    const report = await shiftReport(tx, tenantId, shift);
    await tx.query(
      `insert into shift_cash_checks
         (tenant_id, shift_id, till_expected_cash, server_expected_cash, counted_cash)
       values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, shift_id) do update
         set till_expected_cash = excluded.till_expected_cash,
             server_expected_cash = excluded.server_expected_cash,
             counted_cash = excluded.counted_cash, checked_at = now()`,
      [tenantId, shift.id, shift.expectedCash, report.expectedCash, report.countedCash],
    );

    if (shift.expectedCash !== null && shift.expectedCash !== report.expectedCash) {
      notices.push({
        event: 'shift_cash_difference',
        fields: {
          shiftId: shift.id,
          storeId: shift.storeId,
          deviceId: shift.deviceId,
          tillExpectedCash: shift.expectedCash,
          serverExpectedCash: report.expectedCash,
        },
      });
    }
  }
  return notices;
}
