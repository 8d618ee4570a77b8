import { parseArgs } from 'node:util';

import { serve } from '@hono/node-server';

import { createApp } from './app.ts';
import { createAuth } from './auth/create-auth.ts';
import { createAuthorizer } from './authz/create-authorizer.ts';
import { connectRedis } from './cache/connect-redis.ts';
import { ConfigError, readConfig } from './config.ts';
import { runMigrations } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';
import { createLogger } from './observability/logger.ts';
import { createAuthzSync, readTenantIds } from './replication/authz-sync.ts';
import { clientConfigOf } from './routes/client-config-route.ts';
import { DEMO_SIZE_DEFAULT, seedDemo } from './seed/seed-demo.ts';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: { 'seed-demo': { type: 'boolean' }, 'demo-size': { type: 'string' } },
  });
  const config = readConfig();
  const logger = createLogger(config.logLevel);

  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  const applied = await runMigrations(db);
  logger.info('database ready', { kind: db.kind, migrationsApplied: applied });

  const authorizer = createAuthorizer(config.authz, db, logger);
  const authzSync = createAuthzSync({ authorizer, logger });

  const synced = new Set<string>();
  if (args['seed-demo'] === true || config.seedDemo) {
    const size = Number(args['demo-size'] ?? config.demoSize ?? DEMO_SIZE_DEFAULT);
    if (!Number.isInteger(size) || size < 1)
      throw new ConfigError('--demo-size must be a positive integer');
    const started = performance.now();
    const result = await seedDemo(db, { size });
    logger.info('demo seeded', { ...result, durationMs: Math.round(performance.now() - started) });
    await authzSync.syncTenants(result.tenantIds);
    for (const tenantId of result.tenantIds) synced.add(tenantId);
  }

  // The permission backend may have missed changes while this server was down, or a sync may
  // have failed before a restart: every tenant is rewritten once at start. A failure is logged
  // and retried; the server starts anyway and answers `unavailable` where it must ask.
  const tenantIds = await readTenantIds(db);
  await authzSync.syncTenants(tenantIds.filter((tenantId) => !synced.has(tenantId)));
  logger.info('permissions ready', { mode: config.authz.mode, pending: authzSync.pending() });

  const auth = await createAuth(config.auth, db);
  // Without REDIS_URL: live events stay in this process and pulls read the database only.
  const shared = connectRedis({ config: config.redis, db, logger });
  const shutdown = new AbortController();
  const app = createApp({
    db,
    auth,
    bus: shared.bus,
    authorizer,
    authzSync,
    pullPages: shared.pullPages,
    redis: shared.redis,
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
    clientDist: config.clientDist,
    clientConfig: clientConfigOf({
      ...config.auth,
      clientId: config.authClientId,
      streamUrls: config.streamUrls,
    }),
    tillOrigins: config.tillOrigins,
    shutdown: shutdown.signal,
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info('server listening', {
      url: `http://${config.host}:${info.port}`,
      publicUrl: config.publicUrl,
      authMode: config.auth.mode,
      issuer: config.auth.issuer,
    });
  });

  // Stop taking connections, end event streams, let requests finish, then close the database.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    shutdown.abort();
    authzSync.stop();
    const force = setTimeout(() => {
      logger.warn('shutdown grace period over');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      void Promise.all([shared.close(), db.close()]).then(() => {
        logger.info('stopped');
        process.exit(0);
      });
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const logger = createLogger('error');
  if (error instanceof ConfigError) {
    logger.error('invalid configuration', { problem: error.message });
  } else {
    logger.error('startup failed', { error });
  }
  process.exit(1);
});
