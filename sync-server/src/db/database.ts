/** What every query site needs: Postgres through `pg` and PGlite both provide it. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: R[] }>;
}

export interface Transactional extends Queryable {
  /** Runs `work` in one transaction; rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

/**
 * The database as one tenant: every statement runs as the `pos_tenant` role inside a
 * transaction that names the tenant, so row-level security shows and accepts that tenant's
 * rows only, whatever the statement's own `where` says (or forgets to say).
 */
export interface TenantDatabase extends Transactional {
  readonly tenantId: string;
}

export interface Database extends Transactional {
  readonly kind: 'postgres' | 'pglite';
  /**
   * The handle request paths use for the tenant of the verified token. The Database itself is
   * the privileged handle: migrations, seeding, sign-in lookups, the permission sync.
   */
  forTenant(tenantId: string): TenantDatabase;
  close(): Promise<void>;
}
