import {
  cashMovementSchema,
  computeShiftReport,
  saleSchema,
  type CashMovement,
  type Sale,
  type Shift,
  type ShiftReport,
} from '@pos/shared';

import type { Queryable } from '../db/database.ts';

/**
 * The Z report of a shift over the documents of it stored right now, with the same pure
 * function the till uses. Documents of the shift may still be arriving from a till that was
 * offline, so it is computed on demand rather than kept.
 */
export async function shiftReport(
  db: Queryable,
  tenantId: string,
  shift: Shift,
): Promise<ShiftReport> {
  const sales = await loadOfShift(db, tenantId, 'sales', shift.id, (data) => {
    const parsed = saleSchema.safeParse(data);
    return parsed.success ? parsed.data : undefined;
  });
  const cashMovements = await loadOfShift(db, tenantId, 'cash_movements', shift.id, (data) => {
    const parsed = cashMovementSchema.safeParse(data);
    return parsed.success ? parsed.data : undefined;
  });
  return computeShiftReport({ shift, sales, cashMovements });
}

async function loadOfShift<T extends Sale | CashMovement>(
  db: Queryable,
  tenantId: string,
  collection: 'sales' | 'cash_movements',
  shiftId: string,
  parse: (data: unknown) => T | undefined,
): Promise<T[]> {
  const { rows } = await db.query<{ data: unknown }>(
    `select data from documents
     where tenant_id = $1 and collection = $2 and data ->> 'shiftId' = $3 and not deleted`,
    [tenantId, collection, shiftId],
  );
  return rows.flatMap((row) => {
    const document = parse(row.data);
    return document === undefined ? [] : [document];
  });
}
