import { Hono } from 'hono';

import type { CacheStats } from '../cache/cache-counters.ts';
import type { RedisHealth } from '../cache/redis-connection.ts';
import type { RedisStatus } from '../cache/redis-status.ts';
import type { AppEnv } from '../http/app-env.ts';

export interface MetricsSources {
  pullCache: { stats(): CacheStats };
  /** Undefined without REDIS_URL; its metrics are then left out. */
  redis: RedisStatus | undefined;
}

type Sample = [labels: string, value: number];

/**
 * Prometheus text exposition of this instance's cache and Redis connections. Not behind
 * authentication: the gateway must not route it, only the cluster's scraper reaches it.
 */
export function metricsRoutes(sources: MetricsSources): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
    const cache = sources.pullCache.stats();
    const lines = [
      ...metric('pos_pull_cache_hits_total', 'counter', 'Catalog pull pages served from Redis.', [
        ['', cache.hits],
      ]),
      ...metric(
        'pos_pull_cache_misses_total',
        'counter',
        'Catalog pull pages read from Postgres.',
        [['', cache.misses]],
      ),
      ...metric('pos_pull_cache_hit_ratio', 'gauge', 'Hits over lookups since start.', [
        ['', cache.ratio],
      ]),
    ];

    const connections = sources.redis?.connections ?? [];
    if (connections.length > 0) {
      const each = (value: (connection: RedisHealth) => number): Sample[] =>
        connections.map((connection) => [`{connection="${connection.name}"}`, value(connection)]);
      lines.push(
        ...metric(
          'pos_redis_up',
          'gauge',
          '1 while the Redis connection answers.',
          each((connection) => (connection.state() === 'up' ? 1 : 0)),
        ),
        ...metric(
          'pos_redis_errors_total',
          'counter',
          'Redis connection and command errors.',
          each((connection) => connection.errors()),
        ),
        ...metric(
          'pos_redis_outages_total',
          'counter',
          'Times a Redis connection went down.',
          each((connection) => connection.outages()),
        ),
      );
    }

    return c.text(`${lines.join('\n')}\n`, 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });

  return app;
}

function metric(name: string, type: 'counter' | 'gauge', help: string, samples: Sample[]) {
  return [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...samples.map(([labels, value]) => `${name}${labels} ${value}`),
  ];
}
