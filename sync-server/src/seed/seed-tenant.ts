import type { CollectionName } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { lockTenantWrites } from '../replication/lock-tenant-writes.ts';
import { writeDocumentsBatched } from '../replication/write-documents-batched.ts';
import type { StoredDocument } from '../replication/write-documents.ts';
import type { DemoUser } from './demo-organisation.ts';

export interface TenantSeed {
  tenant: { id: string; name: string };
  /** Written in this order, so what a document names is there before it. */
  documents: readonly (readonly [CollectionName, readonly StoredDocument[]])[];
  /** Staff documents, with the password of the embedded issuer's sign-in for each. */
  users: readonly DemoUser[];
  /** One per user, in the same order; hashing is slow, so the caller does it before. */
  passwordHashes: readonly string[];
}

/**
 * Writes what of one tenant's seed is missing, in the caller's transaction: documents that
 * exist already are left as they are (a till or a manager may have changed them). Answers how
 * many documents it wrote.
 */
export async function seedTenant(tx: Queryable, seed: TenantSeed): Promise<number> {
  const tenantId = seed.tenant.id;
  await tx.query('insert into tenants (id, name) values ($1, $2) on conflict (id) do nothing', [
    tenantId,
    seed.tenant.name,
  ]);
  await lockTenantWrites(tx, tenantId);

  const staff: StoredDocument[] = seed.users.map((user) => user.staff);
  let written = 0;
  for (const [collection, documents] of [...seed.documents, ['staff', staff] as const]) {
    const existing = await existingIds(tx, tenantId, collection);
    const missing = documents.filter((document) => !existing.has(document.id));
    await writeDocumentsBatched(tx, tenantId, collection, missing);
    written += missing.length;
  }

  for (const [index, user] of seed.users.entries()) {
    await tx.query(
      `insert into dev_credentials (user_id, tenant_id, email, password_hash)
       values ($1, $2, $3, $4) on conflict do nothing`,
      [user.staff.id, tenantId, user.staff.email, seed.passwordHashes[index]],
    );
  }
  return written;
}

async function existingIds(
  tx: Queryable,
  tenantId: string,
  collection: CollectionName,
): Promise<Set<string>> {
  const { rows } = await tx.query<{ id: string }>(
    'select id from documents where tenant_id = $1 and collection = $2',
    [tenantId, collection],
  );
  return new Set(rows.map((row) => row.id));
}
