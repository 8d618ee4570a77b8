import { Hono } from 'hono';

import type { CacheStats } from '../cache/cache-counters.ts';
import type { RedisStatus } from '../cache/redis-status.ts';
import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';

export interface HealthRedis {
  redis: RedisStatus;
  pullCache: { stats(): CacheStats };
}

const REDIS_DOWN_IMPACT =
  'redis down: catalog pages come from Postgres, live events reach only streams on this instance';

/**
 * Liveness says the process answers; readiness that it can reach its database. Redis is not a
 * reason to take the instance out of rotation (everything it holds can come from Postgres), so
 * a Redis outage answers 200 with status `degraded` and what is missing. The connection logs
 * the outage once; readiness polls do not.
 */
export function healthRoutes(db: Queryable, shared?: HealthRedis): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/live', (c) => c.json({ status: 'ok' }));

  app.get('/ready', async (c) => {
    try {
      await db.query('select 1 as ok', []);
    } catch (error) {
      c.get('logger').warn('database not reachable', { error });
      throw new ApiError('unavailable', 'the database is not reachable');
    }
    if (shared === undefined) return c.json({ status: 'ok' });

    const redis = shared.redis.state();
    return c.json({
      status: redis === 'up' ? 'ok' : 'degraded',
      database: 'up',
      redis,
      degraded: redis === 'up' ? [] : [REDIS_DOWN_IMPACT],
      pullCache: shared.pullCache.stats(),
    });
  });

  return app;
}
