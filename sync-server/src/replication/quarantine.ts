import type { CollectionName, RejectedDocument } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { quarantineKey } from './quarantine-key.ts';
import { makeStorable } from './storable-text.ts';

export interface QuarantineEntry {
  tenantId: string;
  collection: CollectionName;
  userId: string;
  rejected: RejectedDocument;
  body: unknown;
}

/**
 * Keeps a document the server would not apply, with why, for a manager to see. Pushing the
 * same document again refreshes the entry instead of piling up copies. Whatever the till sent,
 * the entry is stored: text Postgres cannot hold is replaced by U+FFFD first.
 */
export async function quarantine(tx: Queryable, entry: QuarantineEntry): Promise<void> {
  const body = makeStorable(entry.body ?? null).value;
  const { id, message } = makeStorable({
    id: entry.rejected.id,
    message: entry.rejected.message,
  }).value;

  await tx.query(
    `insert into quarantine (tenant_id, collection, document_id, user_id, code, message, body)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb)
     on conflict (tenant_id, collection, document_id, code) do update
       set user_id = excluded.user_id, message = excluded.message, body = excluded.body,
           received_at = now()`,
    [
      entry.tenantId,
      entry.collection,
      quarantineKey(id, body),
      entry.userId,
      entry.rejected.code,
      message,
      JSON.stringify(body),
    ],
  );
}
