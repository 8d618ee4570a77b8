import type { Checkpoint, CollectionName } from '@pos/shared';

import type { Database } from '../db/database.ts';
import { pullDocuments } from '../replication/pull-documents.ts';
import { createCacheCounters, type CacheStats } from './cache-counters.ts';
import { collectionVersion } from './collection-version.ts';
import type { RedisConnection } from './redis-connection.ts';

/**
 * The catalog: every till pulls all of it when it starts or is reinstalled, it changes rarely,
 * and it is the same for everyone in a tenant. Sales and shifts change all day and are pulled
 * once per till, so caching them would only fill Redis.
 */
export const CACHED_COLLECTIONS: ReadonlySet<CollectionName> = new Set([
  'products',
  'categories',
  'tax_rates',
]);

export interface PullPageCache {
  /** The pull answer as JSON text, exactly what Postgres would answer right now. */
  pull(
    tenantId: string,
    collection: CollectionName,
    since: Checkpoint,
    limit: number,
  ): Promise<string>;
  stats(): CacheStats;
}

export interface PullPageCacheOptions {
  /** Pages are read through the tenant's scoped handle; only the namespace is system work. */
  db: Pick<Database, 'query' | 'forTenant'>;
  /** Undefined without REDIS_URL: every pull reads Postgres, nothing is counted. */
  redis: RedisConnection | undefined;
  ttlSeconds: number;
}

/**
 * Why pages are keyed by the collection's version instead of the two simpler designs:
 * - Caching only "finished" pages (full, below the tenant's sequence) is not enough: editing a
 *   product gives it a new sequence, so it leaves the page it was on. The cached page would
 *   keep handing out the old price until its TTL ran out.
 * - Deleting a tenant's pages on every catalog write needs every writer to remember it: pushes
 *   on any instance, the import CLI running in its own process, seeding. One that forgets
 *   leaves stale pages behind.
 * Instead the key holds the collection's highest sequence (collectionVersion), which any write
 * to the collection raises, whoever makes it. The next pull after a write looks for a key that
 * does not exist yet and reads Postgres; pages of the older version are never read again and
 * leave by TTL or eviction. The price is one index lookup per pull, against reading and
 * serialising up to a thousand documents.
 * The version is read before the page, so a write committed in between can only make a cached
 * page newer than its key says, never older.
 */
export function createPullPageCache(options: PullPageCacheOptions): PullPageCache {
  const { db, redis, ttlSeconds } = options;
  const counters = createCacheCounters();
  // Two environments (or test runs) sharing one Redis must not read each other's pages.
  let namespace: Promise<string> | undefined;
  const databaseName = async () => {
    const { rows } = await db.query<{ name: string }>('select current_database() as name');
    return rows[0]?.name ?? 'default';
  };

  const fromPostgres = async (
    tenantId: string,
    collection: CollectionName,
    since: Checkpoint,
    limit: number,
  ) =>
    JSON.stringify(await pullDocuments(db.forTenant(tenantId), tenantId, collection, since, limit));

  return {
    stats: counters.stats,

    async pull(tenantId, collection, since, limit) {
      if (redis === undefined || !CACHED_COLLECTIONS.has(collection)) {
        return fromPostgres(tenantId, collection, since, limit);
      }
      if (redis.state() === 'down') {
        counters.miss();
        return fromPostgres(tenantId, collection, since, limit);
      }

      namespace ??= databaseName().catch((error: unknown) => {
        namespace = undefined;
        throw error;
      });
      const version = await collectionVersion(db.forTenant(tenantId), tenantId, collection);
      const key = pullPageKey(await namespace, tenantId, collection, version, since, limit);
      const cached = await redis.attempt((client) => client.get(key));
      if (typeof cached === 'string') {
        counters.hit();
        return cached;
      }

      counters.miss();
      const body = await fromPostgres(tenantId, collection, since, limit);
      // Not awaited: the till has its answer whether or not Redis keeps a copy.
      void redis.attempt((client) => client.set(key, body, 'EX', ttlSeconds));
      return body;
    },
  };
}

export function pullPageKey(
  namespace: string,
  tenantId: string,
  collection: CollectionName,
  version: number,
  since: Checkpoint,
  limit: number,
): string {
  const parts = [namespace, tenantId, collection, `v${version}`, since.seq, limit];
  return ['pos:pull', ...parts.map((part) => encodeURIComponent(part))].join(':');
}
