import type { CollectionName } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import type { StoredDocument } from './write-documents.ts';

/** The server's current documents for these ids, as the till would pull them. */
export async function readMasters(
  tx: Queryable,
  tenantId: string,
  collection: CollectionName,
  ids: readonly string[],
): Promise<Map<string, StoredDocument>> {
  if (ids.length === 0) return new Map();

  const { rows } = await tx.query<{ id: string; data: StoredDocument }>(
    `select id, data from documents
     where tenant_id = $1 and collection = $2 and id = any($3::text[])`,
    [tenantId, collection, [...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.data]));
}

export async function readMaster(
  tx: Queryable,
  tenantId: string,
  collection: CollectionName,
  id: string,
): Promise<StoredDocument | undefined> {
  return (await readMasters(tx, tenantId, collection, [id])).get(id);
}
