import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { requireEnv } from '../testing/require-env.ts';
import { waitFor } from '../testing/wait-for.ts';
import { EMBEDDED_SERVER_ENV, faultScratch, SEED_ARGS } from './fault-scratch.ts';
import { embeddedCashierTill } from './cashier-till.ts';
import { sellThroughOutage } from './outage-scenario.ts';
import { freePort, redisLib, type Stoppable } from './stack-services.ts';
import { startSyncServer, type SyncServerProcess } from './sync-server-process.ts';

requireEnv('DATABASE_URL', 'redis-restart.stack.test.ts');

/**
 * Guards sales against a cache outage: Redis only carries live events and cached pull pages,
 * so with it gone pushes must go on being stored, and the server must find it again.
 */
describe('Redis stopped and started again', () => {
  const scratch = faultScratch('redis');
  let database: FreshPostgres | undefined;
  let redis: Stoppable | undefined;
  let server: SyncServerProcess | undefined;
  let port = 0;

  const startRedis = async () => {
    redis = await (
      await redisLib()
    ).startRedis({ port, dataDir: scratch.dir, logFile: scratch.file('redis.log') });
  };
  const redisState = async () => {
    const response = await fetch(`${server?.url}/health/ready`);
    return ((await response.json()) as { redis?: string }).redis;
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    database = await freshPostgres();
    server = await startSyncServer({
      env: { ...EMBEDDED_SERVER_ENV, DATABASE_URL: database.url, REDIS_URL: redis?.url ?? '' },
      args: SEED_ARGS,
      logFile: scratch.file('sync-server.log'),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await redis?.stop();
    await database?.drop();
    scratch.remove();
  });

  it('keeps storing sales while Redis is down, and loses or doubles none', async () => {
    const url = server?.url ?? '';
    const till = embeddedCashierTill(url);
    try {
      await sellThroughOutage(till, database?.url ?? '', {
        stop: async () => {
          await redis?.stop();
        },
        whileDown: async () => {
          await waitFor(
            'readiness to report Redis down',
            async () => (await redisState()) === 'down',
          );
          const before = till.acknowledged.size;
          await waitFor('10 more sales acknowledged without Redis', () => {
            return till.acknowledged.size >= before + 10;
          });
        },
        start: async () => {
          await startRedis();
          await waitFor('readiness to report Redis up', async () => (await redisState()) === 'up');
        },
      });
      expect(till.failures().size).toBe(0);
    } finally {
      await till.stop();
    }
  });
});
