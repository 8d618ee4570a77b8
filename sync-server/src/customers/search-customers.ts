import { customerSchema, type Customer } from '@pos/shared';

import type { Queryable } from '../db/database.ts';

const MIN_PHONE_DIGITS = 3;

/** `%` and `_` typed by a user are letters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Live customers of the tenant whose name or email contains the query, or whose phone digits
 * contain its digits (so "555 12" finds "(555) 123-4567"). Merged records are left out: their
 * survivor is found instead.
 */
export async function searchCustomers(
  db: Queryable,
  tenantId: string,
  query: string,
  limit: number,
): Promise<Customer[]> {
  const text = `%${escapeLike(query.trim().toLowerCase())}%`;
  const digits = query.replace(/\D/g, '');
  const phone = digits.length >= MIN_PHONE_DIGITS ? `%${digits}%` : null;

  const { rows } = await db.query<{ data: unknown }>(
    `select data from documents
     where tenant_id = $1 and collection = 'customers' and not deleted
       and data ->> 'mergedInto' is null
       and (lower(data ->> 'name') like $2 or lower(data ->> 'email') like $2
         or ($3::text is not null
             and regexp_replace(data ->> 'phone', '\\D', '', 'g') like $3))
     order by lower(data ->> 'name'), id
     limit $4`,
    [tenantId, text, phone, limit],
  );
  return rows.flatMap((row) => {
    const parsed = customerSchema.safeParse(row.data);
    return parsed.success ? [parsed.data] : [];
  });
}
