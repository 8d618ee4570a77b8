import type { Queryable } from '../db/database.ts';

/** What the server knew about a shift's cash when its closing arrived. */
export interface ClosingCheck {
  tillExpectedCash: number | null;
  serverExpectedCash: number;
  countedCash: number | null;
  checkedAt: string;
}

interface ClosingCheckRow {
  shift_id: string;
  till_expected_cash: number | null;
  server_expected_cash: number;
  counted_cash: number | null;
  checked_at: Date | string;
}

export async function readClosingChecks(
  db: Queryable,
  tenantId: string,
  shiftIds: readonly string[],
): Promise<Map<string, ClosingCheck>> {
  if (shiftIds.length === 0) return new Map();

  const { rows } = await db.query<ClosingCheckRow>(
    `select shift_id, till_expected_cash, server_expected_cash, counted_cash, checked_at
     from shift_cash_checks where tenant_id = $1 and shift_id = any($2::text[])`,
    [tenantId, [...shiftIds]],
  );
  return new Map(
    rows.map((row) => [
      row.shift_id,
      {
        tillExpectedCash: row.till_expected_cash,
        serverExpectedCash: row.server_expected_cash,
        countedCash: row.counted_cash,
        checkedAt: new Date(row.checked_at).toISOString(),
      },
    ]),
  );
}
