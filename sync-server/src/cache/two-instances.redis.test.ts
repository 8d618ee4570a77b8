import { readdir } from 'node:fs/promises';

import type { Product } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeDocuments } from '../replication/write-documents.ts';
import { apiClient } from '../testing/api-client.ts';
import { openEventStream, type EventStream } from '../testing/event-stream.ts';
import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { pullAll } from '../testing/pull-all.ts';
import { readMetric, readReadiness } from '../testing/read-health.ts';
import { createRedisTestApp } from '../testing/redis-test-app.ts';
import { requireEnv } from '../testing/require-env.ts';
import {
  buildSale,
  demoProducts,
  login,
  SETUP_TIMEOUT_MS,
  type TestApp,
} from '../testing/test-app.ts';
import { waitFor } from '../testing/wait-for.ts';

const SUITE = 'two-instances.redis.test.ts';
const PAGE = 7;

/** Reads stream events until one matches; what comes before it is skipped. */
async function nextMatching(stream: EventStream, match: (event: unknown) => boolean) {
  for (;;) {
    const event = await stream.next(5_000);
    if (match(event)) return event;
  }
}

describe('two server instances on one Postgres and Redis', () => {
  let database: FreshPostgres;
  let a: TestApp;
  let b: TestApp;
  let cashierToken: string;
  let managerToken: string;

  beforeAll(async () => {
    const redisUrl = requireEnv('REDIS_URL', SUITE);
    requireEnv('DATABASE_URL', SUITE);
    database = await freshPostgres();

    // Both start at once on the empty database, as two pods of a new deployment do.
    [a, b] = await Promise.all([
      createRedisTestApp({ databaseUrl: database.url, redisUrl }),
      createRedisTestApp({ databaseUrl: database.url, redisUrl }),
    ]);
    cashierToken = (await login(a.app, 'cashier@demo.test', 'cashier123')).access_token;
    managerToken = (await login(b.app, 'manager@demo.test', 'manager123')).access_token;
    await waitFor('both instances connected to Redis', async () => {
      const [readyA, readyB] = await Promise.all([readReadiness(a), readReadiness(b)]);
      return readyA.redis === 'up' && readyB.redis === 'up';
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
  });

  it('migrates the empty database exactly once although both instances started together', async () => {
    const files = (await readdir(new URL('../db/migrations/', import.meta.url))).filter((name) =>
      name.endsWith('.sql'),
    );
    const { rows } = await a.db.query<{ name: string }>(
      'select name from schema_migrations order by name',
    );

    expect(rows.map((row) => row.name)).toEqual(files.sort());
    expect((await readReadiness(a)).status).toBe('ok');
    expect((await readReadiness(b)).status).toBe('ok');
  });

  it('streams a sale pushed to instance A to a till connected to instance B', async () => {
    const stream = await openEventStream(b.app, cashierToken);
    expect(await stream.next()).toBe('RESYNC');
    // The second RESYNC says B's Redis subscription for the tenant is in place.
    expect(await stream.next()).toBe('RESYNC');

    const product = demoProducts()[0] as Product;
    const sale = buildSale(1, [{ product, quantity: 1000 }]);
    const pushed = await apiClient(a, cashierToken).push('sales', [sale]);
    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected).toEqual([]);

    const event = await nextMatching(
      stream,
      (e) => typeof e === 'object' && e !== null && 'collection' in e && e.collection === 'sales',
    );
    expect(event).toMatchObject({ collection: 'sales', documents: [{ id: sale.id }] });
    await stream.close();
  });

  it('serves catalog pages from Redis after the first pull, on either instance', async () => {
    const first = await pullAll(a, cashierToken, 'products', PAGE);
    expect(first.pages.length).toBeGreaterThan(2);
    const hitsB = await readMetric(b, 'pos_pull_cache_hits_total');
    const hitsA = await readMetric(a, 'pos_pull_cache_hits_total');

    const fromB = await pullAll(b, cashierToken, 'products', PAGE);
    const againFromA = await pullAll(a, cashierToken, 'products', PAGE);

    expect(fromB.pages).toEqual(first.pages);
    expect(againFromA.pages).toEqual(first.pages);
    expect(await readMetric(b, 'pos_pull_cache_hits_total')).toBe(hitsB + first.pages.length);
    expect(await readMetric(a, 'pos_pull_cache_hits_total')).toBe(hitsA + first.pages.length);
    expect((await readReadiness(b)).pullCache?.ratio).toBeGreaterThan(0);
  });

  it('hands out no stale page after a catalog edit, whoever makes it', async () => {
    await pullAll(b, cashierToken, 'products', PAGE);
    const before = await pullAll(b, cashierToken, 'products', PAGE);
    const product = before.documents[0] as unknown as Product;
    const missesBefore = await readMetric(b, 'pos_pull_cache_misses_total');

    // A manager's edit through instance A.
    const edited = { ...product, price: product.price + 100, updatedAt: new Date().toISOString() };
    const pushed = await apiClient(a, managerToken).pushRows('products', [
      { assumedMasterState: product, newDocumentState: edited },
    ]);
    expect(pushed.status).toBe(200);
    expect(pushed.body.conflicts).toEqual([]);

    const afterPush = await pullAll(b, cashierToken, 'products', PAGE);
    expect(afterPush.documents.filter((d) => d.id === product.id)).toEqual([edited]);
    expect(await readMetric(b, 'pos_pull_cache_misses_total')).toBeGreaterThan(missesBefore);

    // An import writes straight to the database, through no server instance at all.
    const imported = { ...edited, price: edited.price + 100 };
    await a.db.transaction((tx) => writeDocuments(tx, 'demo', 'products', [imported]));

    const afterImport = await pullAll(b, cashierToken, 'products', PAGE);
    expect(afterImport.documents.filter((d) => d.id === product.id)).toEqual([imported]);
  });
});
