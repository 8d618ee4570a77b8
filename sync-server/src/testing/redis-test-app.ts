import { connectRedis } from '../cache/connect-redis.ts';
import type { Logger } from '../observability/logger.ts';
import { silentLogger } from '../observability/logger.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export interface RedisTestAppOptions {
  databaseUrl: string;
  redisUrl: string;
  logger?: Logger;
  pullCacheTtlSeconds?: number;
}

/** One server instance as production runs it: Postgres plus Redis for the cache and events. */
export function createRedisTestApp(options: RedisTestAppOptions): Promise<TestApp> {
  const logger = options.logger ?? silentLogger;
  return createTestApp(options.databaseUrl, {
    logger,
    shared: (db) =>
      connectRedis({
        config: {
          url: options.redisUrl,
          commandTimeoutMs: 200,
          pullCacheTtlSeconds: options.pullCacheTtlSeconds ?? 300,
        },
        db,
        logger,
      }),
  });
}
