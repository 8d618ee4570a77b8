import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startRedis, type StartedRedis } from '../../../scripts/lib/redis.mjs';
import { createLogger } from '../observability/logger.ts';
import { apiClient } from '../testing/api-client.ts';
import { buildCustomer } from '../testing/build-documents.ts';
import { openEventStream, type EventStream } from '../testing/event-stream.ts';
import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { pullAll } from '../testing/pull-all.ts';
import { readMetric, readReadiness } from '../testing/read-health.ts';
import { createRedisTestApp } from '../testing/redis-test-app.ts';
import { requireEnv } from '../testing/require-env.ts';
import { login, SETUP_TIMEOUT_MS, type TestApp } from '../testing/test-app.ts';
import { waitFor } from '../testing/wait-for.ts';

const SUITE = 'redis-outage.redis.test.ts';
const PAGE = 7;
/** Reconnect backoff is capped at 2 s; readiness must follow Redis well within this. */
const BOUND_MS = 8_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface LogLine {
  msg: string;
  connection?: string;
}

async function nextMatching(stream: EventStream, match: (event: unknown) => boolean) {
  for (;;) {
    const event = await stream.next(BOUND_MS);
    if (match(event)) return event;
  }
}

const isCollection = (collection: string) => (event: unknown) =>
  typeof event === 'object' &&
  event !== null &&
  'collection' in event &&
  event.collection === collection;

// This suite stops and restarts Redis, so it runs a Redis of its own (Debian's redis-server)
// instead of the shared one at REDIS_URL.
describe('a Redis outage under two instances', () => {
  let database: FreshPostgres;
  let dir: string;
  let port: number;
  let redis: StartedRedis | undefined;
  const logs = { a: [] as LogLine[], b: [] as LogLine[] };
  let a: TestApp;
  let b: TestApp;
  let token: string;

  const startOwnRedis = async () => {
    redis = await startRedis({ port, dataDir: dir, logFile: path.join(dir, 'redis.log') });
    return redis;
  };

  beforeAll(async () => {
    requireEnv('DATABASE_URL', SUITE);
    database = await freshPostgres();
    dir = mkdtempSync(path.join(tmpdir(), 'pos-redis-'));
    port = await freePort();
    const { url } = await startOwnRedis();

    const logger = (into: LogLine[]) =>
      createLogger('info', (line) => into.push(JSON.parse(line) as LogLine));
    a = await createRedisTestApp({
      databaseUrl: database.url,
      redisUrl: url,
      logger: logger(logs.a),
    });
    b = await createRedisTestApp({
      databaseUrl: database.url,
      redisUrl: url,
      logger: logger(logs.b),
    });
    token = (await login(a.app, 'cashier@demo.test', 'cashier123')).access_token;
    await waitFor('both instances connected to Redis', async () => {
      const [readyA, readyB] = await Promise.all([readReadiness(a), readReadiness(b)]);
      return readyA.redis === 'up' && readyB.redis === 'up';
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
    await database?.drop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('serves from Postgres while Redis is down, says so once, and recovers by itself', async () => {
    const warm = await pullAll(a, token, 'products', PAGE);
    await pullAll(a, token, 'products', PAGE);
    expect(await readMetric(a, 'pos_pull_cache_hits_total')).toBe(warm.pages.length);

    const streamA = await openEventStream(a.app, token);
    const streamB = await openEventStream(b.app, token);
    for (const stream of [streamA, streamB]) {
      expect(await stream.next()).toBe('RESYNC');
      expect(await stream.next()).toBe('RESYNC');
    }

    // Redis goes away.
    await redis?.stop();
    await waitFor(
      'readiness to report Redis down',
      async () => (await readReadiness(a)).redis === 'down',
      BOUND_MS,
    );
    const degraded = await readReadiness(a);
    expect(degraded.httpStatus).toBe(200);
    expect(degraded.status).toBe('degraded');
    expect(degraded.degraded?.join(' ')).toMatch(/redis down: catalog pages come from Postgres/);

    const hitsBeforeOutage = await readMetric(a, 'pos_pull_cache_hits_total');
    const started = Date.now();
    for (let round = 0; round < 3; round += 1) {
      expect((await pullAll(a, token, 'products', PAGE)).pages).toEqual(warm.pages);
    }
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    expect(await readMetric(a, 'pos_pull_cache_hits_total')).toBe(hitsBeforeOutage);
    expect(await readMetric(a, 'pos_redis_up{connection="cache"}')).toBe(0);

    const customer = buildCustomer('cust-during-outage');
    const pushed = await apiClient(a, token).push('customers', [customer]);
    expect(pushed.status).toBe(200);
    expect(pushed.body.rejected).toEqual([]);
    // The instance that took the write still tells its own tills.
    expect(await nextMatching(streamA, isCollection('customers'))).toMatchObject({
      documents: [{ id: customer.id }],
    });

    // Many requests, one log line per connection and outage.
    const downLines = logs.a.filter((line) => line.msg === 'redis down');
    expect(downLines.filter((line) => line.connection === 'cache')).toHaveLength(1);

    // Redis comes back on the same port.
    await startOwnRedis();
    await waitFor(
      'readiness to report Redis up on both instances',
      async () =>
        (await readReadiness(a)).redis === 'up' && (await readReadiness(b)).redis === 'up',
      BOUND_MS,
    );
    expect((await readReadiness(a)).status).toBe('ok');
    expect(logs.a.some((line) => line.msg === 'redis back' && line.connection === 'cache')).toBe(
      true,
    );

    // B never heard of the customer; it tells its till to pull.
    expect(await nextMatching(streamB, (event) => event === 'RESYNC')).toBe('RESYNC');

    // The restarted Redis is empty: one pass fills it, the next is served from it.
    const hitsAfterOutage = await readMetric(a, 'pos_pull_cache_hits_total');
    await pullAll(a, token, 'products', PAGE);
    await pullAll(a, token, 'products', PAGE);
    expect(await readMetric(a, 'pos_pull_cache_hits_total')).toBe(
      hitsAfterOutage + warm.pages.length,
    );

    await Promise.all([streamA.close(), streamB.close()]);
  });

  it('stops waiting for a Redis that hangs, and uses it again once it answers', async () => {
    const pid = redis?.pid;
    if (pid === undefined) throw new Error('no Redis process');
    await waitFor('Redis up', async () => (await readReadiness(a)).redis === 'up', BOUND_MS);
    const warm = await pullAll(a, token, 'products', PAGE);

    // The socket stays open but nothing answers: no reconnect will ever come.
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      expect((await pullAll(a, token, 'products', PAGE)).pages).toEqual(warm.pages);
      // One command waits out its 200 ms timeout; the rest do not ask a Redis known to be down.
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await readReadiness(a)).redis).toBe('down');
    } finally {
      process.kill(pid, 'SIGCONT');
    }

    await waitFor(
      'Redis answering again',
      async () => (await readReadiness(a)).redis === 'up',
      BOUND_MS,
    );
    const hits = await readMetric(a, 'pos_pull_cache_hits_total');
    await pullAll(a, token, 'products', PAGE);
    expect(await readMetric(a, 'pos_pull_cache_hits_total')).toBe(hits + warm.pages.length);
  });
});
