import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { pullDocuments } from '../replication/pull-documents.ts';
import { writeDocuments, type StoredDocument } from '../replication/write-documents.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { SETUP_TIMEOUT_MS } from '../testing/setup-timeout.ts';
import { createPullPageCache } from './pull-page-cache.ts';
import type { RedisConnection, RedisState } from './redis-connection.ts';

/** Redis as a map: enough to see what the cache stores and reads, with a switch for outages. */
function fakeRedis() {
  const store = new Map<string, string>();
  const calls: string[] = [];
  let state: RedisState = 'up';
  const client = {
    get: async (key: string) => {
      calls.push('get');
      return store.get(key) ?? null;
    },
    set: async (key: string, value: string) => {
      calls.push('set');
      store.set(key, value);
      return 'OK';
    },
  } as unknown as Redis;
  const connection: RedisConnection = {
    name: 'cache',
    client,
    state: () => state,
    errors: () => 0,
    outages: () => 0,
    attempt: async (command) => (state === 'up' ? command(client) : undefined),
    onUp: () => undefined,
    close: async () => undefined,
  };
  return { connection, store, calls, setState: (next: RedisState) => (state = next) };
}

describe('the catalog pull page cache', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ pgliteDir: 'memory://' });
    await runMigrations(db);
    await seedDemo(db, { size: 10 });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await db.close();
  });

  it('answers what Postgres answers, and nothing is counted without Redis', async () => {
    const cache = createPullPageCache({ db, redis: undefined, ttlSeconds: 60 });

    const page = await cache.pull('demo', 'products', { seq: 0 }, 5);

    expect(JSON.parse(page)).toEqual(await pullDocuments(db, 'demo', 'products', { seq: 0 }, 5));
    expect(cache.stats()).toEqual({ hits: 0, misses: 0, ratio: 0 });
  });

  it('serves a repeated pull from Redis until the collection changes', async () => {
    const redis = fakeRedis();
    const cache = createPullPageCache({ db, redis: redis.connection, ttlSeconds: 60 });
    const first = await cache.pull('demo', 'products', { seq: 0 }, 5);
    const second = await cache.pull('demo', 'products', { seq: 0 }, 5);
    expect(second).toBe(first);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, ratio: 0.5 });

    const product = JSON.parse(first).documents[0] as StoredDocument & { price: number };
    const edited = { ...product, price: product.price + 1 };
    await db.transaction((tx) => writeDocuments(tx, 'demo', 'products', [edited]));

    const third = JSON.parse(await cache.pull('demo', 'products', { seq: 0 }, 5));
    expect(third).toEqual(await pullDocuments(db, 'demo', 'products', { seq: 0 }, 5));
    expect(third.documents.map((d: StoredDocument) => d.id)).not.toContain(product.id);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it('leaves sales to Postgres and does not ask a Redis known to be down', async () => {
    const redis = fakeRedis();
    const cache = createPullPageCache({ db, redis: redis.connection, ttlSeconds: 60 });

    await cache.pull('demo', 'sales', { seq: 0 }, 5);
    expect(redis.calls).toEqual([]);

    redis.setState('down');
    const page = await cache.pull('demo', 'categories', { seq: 0 }, 5);
    expect(JSON.parse(page)).toEqual(await pullDocuments(db, 'demo', 'categories', { seq: 0 }, 5));
    expect(redis.calls).toEqual([]);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 1 });
  });

  it('keeps tenants and page sizes apart', async () => {
    const redis = fakeRedis();
    const cache = createPullPageCache({ db, redis: redis.connection, ttlSeconds: 60 });

    await cache.pull('demo', 'products', { seq: 0 }, 5);
    await cache.pull('demo', 'products', { seq: 0 }, 6);
    const other = await cache.pull('harbour', 'products', { seq: 0 }, 5);

    expect(cache.stats().hits).toBe(0);
    expect(JSON.parse(other)).toEqual(
      await pullDocuments(db, 'harbour', 'products', { seq: 0 }, 5),
    );
    expect([...redis.store.keys()].every((key) => key.startsWith('pos:pull:'))).toBe(true);
  });
});
