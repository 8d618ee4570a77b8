import type { CollectionName } from '@pos/shared';

import type { Authorizer } from '../authz/authorizer.ts';
import type { Queryable } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';

/** The documents the permission backend holds a copy of (deploy/permify/README.md). */
const AUTHZ_COLLECTIONS: ReadonlySet<CollectionName> = new Set(['staff', 'stores', 'devices']);

export function changesPermissions(written: readonly CollectionName[]): boolean {
  return written.some((collection) => AUTHZ_COLLECTIONS.has(collection));
}

/**
 * Keeps the permission backend in step with the documents. Syncing happens after the change
 * committed, so a failure cannot undo it: it is logged, the tenant is kept as pending, and it
 * is retried after `retryMs`, with the next change of any tenant, and at the next start.
 */
export interface AuthzSync {
  /** After a commit that wrote staff, stores or devices; resolves once tried, never rejects. */
  tenantChanged(tenantId: string): Promise<void>;
  /** Each tenant once, e.g. at start; resolves once each was tried, never rejects. */
  syncTenants(tenantIds: readonly string[]): Promise<void>;
  /** Tenants whose last sync failed. */
  pending(): string[];
  /** Stops the retry timer, for shutdown. */
  stop(): void;
}

export interface AuthzSyncOptions {
  authorizer: Authorizer;
  logger: Logger;
  retryMs?: number;
}

const RETRY_MS = 30_000;

export function createAuthzSync(options: AuthzSyncOptions): AuthzSync {
  const { authorizer, logger } = options;
  const retryMs = options.retryMs ?? RETRY_MS;
  const pending = new Set<string>();
  const latest = new Map<string, Promise<void>>();
  const notStarted = new Map<string, Promise<void>>();
  let retry: ReturnType<typeof setTimeout> | undefined;

  async function attempt(tenantId: string): Promise<void> {
    try {
      await authorizer.syncTenant(tenantId);
      pending.delete(tenantId);
    } catch (error) {
      pending.add(tenantId);
      logger.warn('permission sync failed', { tenantId, error });
      scheduleRetry();
    }
  }

  // One sync of a tenant at a time, each after the one before, so the last one reads what the
  // last commit wrote and the backend never ends on an older state. A sync still waiting to
  // start will read the newest documents anyway, so a request meanwhile joins it.
  function sync(tenantId: string): Promise<void> {
    const waiting = notStarted.get(tenantId);
    if (waiting !== undefined) return waiting;

    const next = (latest.get(tenantId) ?? Promise.resolve()).then(() => {
      notStarted.delete(tenantId);
      return attempt(tenantId);
    });
    notStarted.set(tenantId, next);
    latest.set(tenantId, next);
    void next.then(() => {
      if (latest.get(tenantId) === next) latest.delete(tenantId);
    });
    return next;
  }

  function scheduleRetry(): void {
    if (retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      for (const tenantId of [...pending]) void sync(tenantId);
    }, retryMs);
    // A pending retry must not keep the process alive at shutdown.
    retry.unref?.();
  }

  return {
    tenantChanged(tenantId) {
      for (const other of pending) if (other !== tenantId) void sync(other);
      return sync(tenantId);
    },
    async syncTenants(tenantIds) {
      await Promise.all(tenantIds.map((tenantId) => sync(tenantId)));
    },
    pending: () => [...pending].sort(),
    stop() {
      if (retry !== undefined) clearTimeout(retry);
      retry = undefined;
    },
  };
}

/** Every tenant this server holds, for the sync at start. */
export async function readTenantIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select id from tenants order by id', []);
  return rows.map((row) => row.id);
}
