import {
  customerMatchKeys,
  customerSchema,
  findDuplicateCustomer,
  type Customer,
} from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import type { StoredDocument } from '../replication/write-documents.ts';

/**
 * The live customer of the tenant a new record duplicates (same email or phone), stored or
 * accepted earlier in this push. The query only narrows the candidates: every stored customer
 * whose email contains the normalised address, or whose phone digits contain the normalised
 * number, which includes every true match. `findDuplicateCustomer` decides exactly, with the
 * rules the till uses. TODO(#3): a trigram index once tenants have many customers.
 */
export async function findDuplicate(
  tx: Queryable,
  tenantId: string,
  candidate: Customer,
  pending: ReadonlyMap<string, StoredDocument>,
): Promise<Customer | undefined> {
  const keys = customerMatchKeys(candidate);
  if (keys.length === 0) return undefined;
  const emails = keys.flatMap((key) => (key.startsWith('email:') ? [key.slice(6)] : []));
  const phones = keys.flatMap((key) => (key.startsWith('phone:') ? [key.slice(6)] : []));

  const { rows } = await tx.query<{ data: unknown }>(
    `select data from documents
     where tenant_id = $1 and collection = 'customers' and not deleted
       and data ->> 'mergedInto' is null and id <> $2
       and (exists (select 1 from unnest($3::text[]) as e
                    where strpos(lower(data ->> 'email'), e) > 0)
         or exists (select 1 from unnest($4::text[]) as p
                    where strpos(regexp_replace(data ->> 'phone', '\\D', '', 'g'), p) > 0))`,
    [tenantId, candidate.id, emails, phones],
  );
  const stored = rows.flatMap((row) => parseCustomer(row.data));
  const inPush = [...pending.values()].flatMap(parseCustomer);

  return findDuplicateCustomer(candidate, [...stored, ...inPush]);
}

function parseCustomer(data: unknown): Customer[] {
  const parsed = customerSchema.safeParse(data);
  return parsed.success ? [parsed.data] : [];
}
