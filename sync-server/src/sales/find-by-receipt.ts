import { saleSchema, type Sale } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { loadRefundsOf } from '../refunds/load-refund-history.ts';

export interface ReceiptLookup {
  /** Stored documents with exactly this receipt number (normally one). */
  sales: Sale[];
  /** The refunds stored against them, so a till can work out what is left to refund. */
  refunds: Sale[];
}

/** A sale found by the number printed on its receipt, from whichever till rang it up. */
export async function findByReceiptNumber(
  db: Queryable,
  tenantId: string,
  receiptNumber: string,
): Promise<ReceiptLookup> {
  const { rows } = await db.query<{ data: unknown }>(
    `select data from documents
     where tenant_id = $1 and collection = 'sales' and data ->> 'receiptNumber' = $2
     order by seq`,
    [tenantId, receiptNumber],
  );
  const sales = rows.flatMap((row) => {
    const parsed = saleSchema.safeParse(row.data);
    return parsed.success ? [parsed.data] : [];
  });

  const refunds: Sale[] = [];
  for (const sale of sales) {
    if (sale.kind === 'sale') refunds.push(...(await loadRefundsOf(db, tenantId, sale.id)));
  }
  return { sales, refunds };
}
