import type { Queryable } from '../db/database.ts';

/**
 * Stock on hand per product of a store in thousandths, summed from the ledger every time.
 * There is no stored quantity that could drift from the movements.
 */
export async function stockOnHand(
  db: Queryable,
  tenantId: string,
  storeId: string,
): Promise<Record<string, number>> {
  const { rows } = await db.query<{ product_id: string; quantity: number }>(
    `select data ->> 'productId' as product_id, sum((data ->> 'quantity')::bigint)::bigint as quantity
     from documents
     where tenant_id = $1 and collection = 'stock_movements' and not deleted
       and data ->> 'storeId' = $2
     group by data ->> 'productId'`,
    [tenantId, storeId],
  );
  return Object.fromEntries(rows.map((row) => [row.product_id, row.quantity]));
}
