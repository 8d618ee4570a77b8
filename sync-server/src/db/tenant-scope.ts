import type { Queryable, TenantDatabase, Transactional } from './database.ts';

/** The role migration 007 creates: no login, no BYPASSRLS, only the grants requests need. */
export const TENANT_ROLE = 'pos_tenant';

// One round trip instead of two: set_config('role', ...) is what `set local role` does, and
// both settings end with the transaction, so a pooled connection goes back clean.
const ENTER_TENANT_SQL = `select set_config('role', '${TENANT_ROLE}', true),
  set_config('pos.tenant_id', $1, true)`;

/**
 * Statements that would leave the tenant's scope from inside it: back to the login role, another
 * tenant id, or out of the transaction that holds both settings. The app never builds SQL from
 * input (values always travel as parameters), so only the app's own SQL text could contain
 * these; this check catches such code before it ships, it is no defence against injection.
 */
const ESCAPES: readonly RegExp[] = [
  /\b(set|reset)\s+((local|session)\s+)?(role\b|pos\.)/i,
  /\breset\s+all\b/i,
  /\bsession\s+authorization\b/i,
  /\bset_config\b/i,
  /\bdiscard\b/i,
  /(^|;)\s*(commit|rollback|abort|begin|end|savepoint|release|start|prepare)\b/i,
];

export class TenantScopeError extends Error {
  override readonly name = 'TenantScopeError';
}

function guard(sql: string): void {
  for (const pattern of ESCAPES) {
    if (pattern.test(sql)) {
      throw new TenantScopeError(`a tenant-scoped statement may not change its scope: ${sql}`);
    }
  }
}

function guarded(tx: Queryable): Queryable {
  return {
    query(sql, params) {
      guard(sql);
      return tx.query(sql, params);
    },
  };
}

/**
 * Wraps the privileged handle's transactions into one tenant's. A missing tenant id is a bug in
 * the caller, never "every tenant": it throws before anything runs.
 */
export function tenantScoped(privileged: Transactional, tenantId: string): TenantDatabase {
  if (typeof tenantId !== 'string' || tenantId.trim() === '') {
    throw new TenantScopeError('a tenant-scoped handle needs a tenant id');
  }

  const transaction: TenantDatabase['transaction'] = (work) =>
    privileged.transaction(async (tx) => {
      await tx.query(ENTER_TENANT_SQL, [tenantId]);
      return work(guarded(tx));
    });

  return {
    tenantId,
    transaction,
    query: (sql, params) => transaction((tx) => tx.query(sql, params)),
  };
}
