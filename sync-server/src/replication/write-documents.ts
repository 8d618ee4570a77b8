import type { CollectionName } from '@pos/shared';

import type { Queryable } from '../db/database.ts';

export interface StoredDocument {
  id: string;
  _deleted: boolean;
  [field: string]: unknown;
}

/**
 * Reserves `count` change sequence numbers for a tenant. The row lock taken here is held until
 * the surrounding transaction ends, which is what keeps sequences visible in commit order.
 */
export async function reserveSequence(
  tx: Queryable,
  tenantId: string,
  count: number,
): Promise<number> {
  const { rows } = await tx.query<{ last_seq: string }>(
    `insert into tenant_change_seq (tenant_id, last_seq) values ($1, $2)
     on conflict (tenant_id) do update set last_seq = tenant_change_seq.last_seq + $2
     returning last_seq`,
    [tenantId, count],
  );
  const last = Number(rows[0]?.last_seq);
  return last - count + 1;
}

/**
 * Inserts or replaces documents of one collection inside the caller's transaction, giving each
 * a fresh change sequence so every till pulls it. Validation and conflict checks happen before.
 */
export async function writeDocuments(
  tx: Queryable,
  tenantId: string,
  collection: CollectionName,
  documents: readonly StoredDocument[],
): Promise<void> {
  if (documents.length === 0) return;

  let seq = await reserveSequence(tx, tenantId, documents.length);

  for (const document of documents) {
    await tx.query(
      `insert into documents (tenant_id, collection, id, seq, data, deleted)
       values ($1, $2, $3, $4, $5::jsonb, $6)
       on conflict (tenant_id, collection, id) do update
         set seq = excluded.seq, data = excluded.data, deleted = excluded.deleted,
             server_updated_at = now()`,
      [tenantId, collection, document.id, seq, JSON.stringify(document), document._deleted],
    );
    seq += 1;
  }
}
