import type { Sale } from '@pos/shared';

import type { Queryable } from '../db/database.ts';

export type ReceiptReservation = { kind: 'reserved' } | { kind: 'taken'; saleId: string };

/**
 * Claims the device's receipt counter value for this sale. The primary key makes the claim
 * atomic: a second sale with the same counter value finds it taken. The same sale claiming
 * again (a replay) is fine.
 */
export async function reserveReceipt(
  tx: Queryable,
  tenantId: string,
  sale: Pick<Sale, 'id' | 'deviceId' | 'deviceSeq'>,
): Promise<ReceiptReservation> {
  const inserted = await tx.query(
    `insert into sale_receipts (tenant_id, device_id, device_seq, sale_id)
     values ($1, $2, $3, $4)
     on conflict (tenant_id, device_id, device_seq) do nothing
     returning sale_id`,
    [tenantId, sale.deviceId, sale.deviceSeq, sale.id],
  );
  if (inserted.rows.length > 0) return { kind: 'reserved' };

  const { rows } = await tx.query<{ sale_id: string }>(
    `select sale_id from sale_receipts
     where tenant_id = $1 and device_id = $2 and device_seq = $3`,
    [tenantId, sale.deviceId, sale.deviceSeq],
  );
  const saleId = rows[0]?.sale_id ?? '';
  return saleId === sale.id ? { kind: 'reserved' } : { kind: 'taken', saleId };
}
