import type { CollectionName } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { reserveSequence, type StoredDocument } from './write-documents.ts';

const CHUNK = 2000;

export interface WrittenRange {
  firstSeq: number;
  lastSeq: number;
}

/**
 * Same contract as `writeDocuments`, in one statement per chunk: the documents travel as a
 * single jsonb array parameter, which both `pg` and PGlite pass the same way. Seeding and
 * large pushes use it. When an id repeats, its last document wins.
 */
export async function writeDocumentsBatched(
  tx: Queryable,
  tenantId: string,
  collection: CollectionName,
  documents: readonly StoredDocument[],
): Promise<WrittenRange | undefined> {
  const unique = [...new Map(documents.map((document) => [document.id, document])).values()];
  if (unique.length === 0) return undefined;

  const firstSeq = await reserveSequence(tx, tenantId, unique.length);

  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    await tx.query(
      `insert into documents (tenant_id, collection, id, seq, data, deleted)
       select $1, $2, d.value ->> 'id', $3::bigint + d.ord - 1, d.value,
              coalesce((d.value ->> '_deleted')::boolean, false)
       from jsonb_array_elements($4::jsonb) with ordinality as d (value, ord)
       on conflict (tenant_id, collection, id) do update
         set seq = excluded.seq, data = excluded.data, deleted = excluded.deleted,
             server_updated_at = now()`,
      [tenantId, collection, firstSeq + start, JSON.stringify(chunk)],
    );
  }

  return { firstSeq, lastSeq: firstSeq + unique.length - 1 };
}
