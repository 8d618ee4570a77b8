import type { RedisConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import { createInProcessChangeBus, type ChangeBus } from '../replication/change-bus.ts';
import { createRedisChangeBus } from '../replication/redis-change-bus.ts';
import { createPullPageCache, type PullPageCache } from './pull-page-cache.ts';
import { createRedisConnection } from './redis-connection.ts';
import { redisStatus, type RedisStatus } from './redis-status.ts';

/** What the app takes from Redis, or its in-process stand-ins without REDIS_URL. */
export interface SharedState {
  bus: ChangeBus;
  pullPages: PullPageCache;
  /** Undefined without REDIS_URL. */
  redis: RedisStatus | undefined;
  close(): Promise<void>;
}

export interface ConnectRedisOptions {
  config: RedisConfig;
  db: Database;
  logger: Logger;
}

/**
 * Opens the cache, publish and subscribe connections and returns at once: the server starts
 * and serves from Postgres while Redis is still connecting or down.
 */
export function connectRedis(options: ConnectRedisOptions): SharedState {
  const { config, db, logger } = options;
  const url = config.url;
  if (url === undefined) {
    return {
      bus: createInProcessChangeBus(),
      pullPages: createPullPageCache({ db, redis: undefined, ttlSeconds: 0 }),
      redis: undefined,
      close: async () => undefined,
    };
  }

  const connect = (name: string) =>
    createRedisConnection({
      url,
      name,
      commandTimeoutMs: config.commandTimeoutMs,
      logger,
    });
  const cache = connect('cache');
  const publisher = connect('publish');
  const subscriber = connect('subscribe');

  return {
    bus: createRedisChangeBus({ publisher, subscriber, logger }),
    pullPages: createPullPageCache({ db, redis: cache, ttlSeconds: config.pullCacheTtlSeconds }),
    redis: redisStatus([cache, publisher, subscriber]),
    close: async () => {
      await Promise.all([cache.close(), publisher.close(), subscriber.close()]);
    },
  };
}
