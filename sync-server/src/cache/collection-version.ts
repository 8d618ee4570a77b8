import type { CollectionName } from '@pos/shared';

import type { Queryable } from '../db/database.ts';

/**
 * The highest change sequence in one collection of a tenant, 0 when it is empty. Every write
 * gives the written document a sequence above all others (see reserveSequence), so any
 * insert, edit or deletion in the collection raises it; it names the collection's state.
 * The pull index (tenant_id, collection, seq) answers it from one index entry.
 */
export async function collectionVersion(
  db: Queryable,
  tenantId: string,
  collection: CollectionName,
): Promise<number> {
  const { rows } = await db.query<{ seq: number | string }>(
    `select seq from documents where tenant_id = $1 and collection = $2
     order by seq desc limit 1`,
    [tenantId, collection],
  );
  return Number(rows[0]?.seq ?? 0);
}
