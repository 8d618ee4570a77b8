import {
  PULL_LIMIT_DEFAULT,
  PULL_LIMIT_MAX,
  type Checkpoint,
  type CollectionName,
  type PullResponse,
} from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import type { StoredDocument } from './write-documents.ts';

export function readPullLimit(raw: string | undefined): number {
  const limit = raw === undefined ? NaN : Number(raw);
  if (!Number.isInteger(limit) || limit < 1) return PULL_LIMIT_DEFAULT;
  return Math.min(limit, PULL_LIMIT_MAX);
}

/**
 * The tenant's documents of one collection changed after the checkpoint, oldest first.
 * Sequences become visible in commit order (see reserveSequence), so everything at or below
 * the returned checkpoint has been seen and the next pull may start after it.
 */
export async function pullDocuments(
  db: Queryable,
  tenantId: string,
  collection: CollectionName,
  since: Checkpoint,
  limit: number,
): Promise<PullResponse<StoredDocument>> {
  const { rows } = await db.query<{ seq: number; data: StoredDocument }>(
    `select seq, data from documents
     where tenant_id = $1 and collection = $2 and seq > $3
     order by seq limit $4`,
    [tenantId, collection, since.seq, limit],
  );

  // A checkpoint past every sequence the tenant ever took (a database restored from a backup)
  // would skip what is written until the sequence catches up: start that till over instead.
  if (rows.length === 0 && since.seq > 0 && since.seq > (await lastSequence(db, tenantId))) {
    return pullDocuments(db, tenantId, collection, { seq: 0 }, limit);
  }

  const last = rows.at(-1);
  const checkpoint = last !== undefined ? { seq: last.seq } : since.seq > 0 ? since : null;
  return { documents: rows.map((row) => row.data), checkpoint };
}

async function lastSequence(db: Queryable, tenantId: string): Promise<number> {
  const { rows } = await db.query<{ last_seq: string | number }>(
    'select last_seq from tenant_change_seq where tenant_id = $1',
    [tenantId],
  );
  return Number(rows[0]?.last_seq ?? 0);
}
