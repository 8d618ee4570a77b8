import { saleSchema, type Sale } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { readMaster } from '../replication/read-masters.ts';

export interface RefundHistory {
  original: Sale;
  /** Every refund of the original already stored or accepted earlier in the same push. */
  previousRefunds: Sale[];
}

/**
 * What a refund is checked and priced against. `pending` are the sales accepted earlier in
 * the same push and not yet written: a second refund of a line in one batch must see the
 * first. Other pushes of the tenant wait on its write lock, so what is stored is complete.
 * Undefined when the original is not here (yet).
 */
export async function loadRefundHistory(
  tx: Queryable,
  tenantId: string,
  refund: Sale,
  pending: readonly Sale[],
): Promise<RefundHistory | undefined> {
  const originalId = refund.refundOfSaleId;
  if (originalId === null) return undefined;

  const original =
    pending.find((p) => p.id === originalId) ?? (await loadSale(tx, tenantId, originalId));
  if (original === undefined) return undefined;

  const previousRefunds = [
    ...(await loadRefundsOf(tx, tenantId, original.id)),
    ...pending.filter((p) => p.refundOfSaleId === original.id),
  ].filter((previous) => previous.id !== refund.id);
  return { original, previousRefunds };
}

async function loadSale(tx: Queryable, tenantId: string, id: string): Promise<Sale | undefined> {
  const parsed = saleSchema.safeParse(await readMaster(tx, tenantId, 'sales', id));
  return parsed.success ? parsed.data : undefined;
}

/** Stored refunds of one sale, flagged ones included: their money has left the drawer too. */
export async function loadRefundsOf(
  tx: Queryable,
  tenantId: string,
  saleId: string,
): Promise<Sale[]> {
  const { rows } = await tx.query<{ data: unknown }>(
    `select data from documents
     where tenant_id = $1 and collection = 'sales' and data ->> 'refundOfSaleId' = $2`,
    [tenantId, saleId],
  );
  return rows.flatMap((row) => {
    const parsed = saleSchema.safeParse(row.data);
    return parsed.success ? [parsed.data] : [];
  });
}
