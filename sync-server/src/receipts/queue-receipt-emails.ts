import type { Sale } from '@pos/shared';

import type { Queryable } from '../db/database.ts';

/**
 * Queues the receipt email of every stored sale that asked for one. Once per sale: a replayed
 * push finds the row already there. Sending is not built: TODO(#3) no mail transport is
 * configured, the outbox is the queue a sender will drain.
 */
export async function queueReceiptEmails(
  tx: Queryable,
  tenantId: string,
  sales: readonly Sale[],
): Promise<number> {
  const wanted = sales.flatMap((sale) =>
    typeof sale.receiptEmail === 'string' ? [{ saleId: sale.id, email: sale.receiptEmail }] : [],
  );
  if (wanted.length === 0) return 0;

  const { rows } = await tx.query<{ sale_id: string }>(
    `insert into receipt_outbox (tenant_id, sale_id, email)
     select $1, w.value ->> 'saleId', w.value ->> 'email'
     from jsonb_array_elements($2::jsonb) as w (value)
     on conflict (tenant_id, sale_id) do nothing
     returning sale_id`,
    [tenantId, JSON.stringify(wanted)],
  );
  return rows.length;
}
