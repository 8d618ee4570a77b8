import type { Queryable } from '../db/database.ts';

/**
 * Takes the tenant's change-sequence row lock before anything is read. Writes of one tenant
 * then run one after another, so a compare-and-set never works from a master that a parallel
 * push is replacing. The lock would be taken at the first write anyway; taking it first only
 * makes the read part of the same critical section.
 *
 * Returns false when the tenant does not exist (a token for a tenant never provisioned).
 */
export async function lockTenantWrites(tx: Queryable, tenantId: string): Promise<boolean> {
  const { rows } = await tx.query<{ tenant_id: string }>(
    `insert into tenant_change_seq (tenant_id)
     select id from tenants where id = $1
     on conflict (tenant_id) do update set last_seq = tenant_change_seq.last_seq
     returning tenant_id`,
    [tenantId],
  );
  return rows.length > 0;
}
