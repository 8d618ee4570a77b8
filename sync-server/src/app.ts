import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import { authenticate } from './auth/authenticate.ts';
import type { Auth } from './auth/create-auth.ts';
import type { Authorizer } from './authz/authorizer.ts';
import { createEmbeddedAuthorizer } from './authz/embedded-authorizer.ts';
import { createPullPageCache, type PullPageCache } from './cache/pull-page-cache.ts';
import type { RedisStatus } from './cache/redis-status.ts';
import type { Database } from './db/database.ts';
import { ApiError } from './http/api-error.ts';
import type { AppEnv } from './http/app-env.ts';
import { createErrorHandler, notFoundHandler } from './http/error-handler.ts';
import { serverDate } from './http/server-date.ts';
import { streamCors } from './http/stream-cors.ts';
import { scopeToTenant } from './http/tenant-database.ts';
import type { Logger } from './observability/logger.ts';
import { requestContext } from './observability/request-context.ts';
import { createAuthzSync, type AuthzSync } from './replication/authz-sync.ts';
import type { ChangeBus } from './replication/change-bus.ts';
import { authDevRoutes } from './routes/auth-dev-routes.ts';
import {
  clientConfigRoute,
  EMBEDDED_CLIENT_CONFIG,
  type ClientConfig,
} from './routes/client-config-route.ts';
import { customerRoutes } from './routes/customer-routes.ts';
import { deviceRoutes } from './routes/device-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { metricsRoutes } from './routes/metrics-routes.ts';
import { meRoute } from './routes/me-route.ts';
import { quarantineRoutes } from './routes/quarantine-routes.ts';
import { receiptOutboxRoutes } from './routes/receipt-outbox-routes.ts';
import { salesRoutes } from './routes/sales-routes.ts';
import { shiftRoutes } from './routes/shift-routes.ts';
import { staticTill } from './routes/static-till.ts';
import { stockRoutes } from './routes/stock-routes.ts';
import { syncRoutes } from './routes/sync-routes.ts';

export interface AppDeps {
  db: Database;
  auth: Auth;
  bus: ChangeBus;
  /** Answers every permission question of writes and report reads; embedded when omitted. */
  authorizer?: Authorizer;
  /** Keeps the authorizer's copy of staff, stores and devices current; made here if omitted. */
  authzSync?: AuthzSync;
  /** Catalog pull pages through Redis (connectRedis); straight from the database when omitted. */
  pullPages?: PullPageCache | undefined;
  /** The Redis connections readiness and metrics report on; undefined without Redis. */
  redis?: RedisStatus | undefined;
  logger: Logger;
  bodyLimitBytes: number;
  /** Where the built till lives; undefined serves no static files (tests). */
  clientDist?: string | undefined;
  now?: () => Date;
  /** How the till signs in (GET /api/client-config); embedded when omitted. */
  clientConfig?: ClientConfig;
  /** Aborted at shutdown so open event streams end and the server can close. */
  shutdown?: AbortSignal;
  /** Till origins (the gateway's) that may open the event stream here cross-origin. */
  tillOrigins?: readonly string[];
}

/** The whole HTTP surface; tests call `app.request(...)` on it without opening a port. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const now = deps.now ?? (() => new Date());
  const shutdown = deps.shutdown ?? new AbortController().signal;
  const app = new Hono<AppEnv>();

  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);

  app.use('*', serverDate(now));
  app.use('*', requestContext(deps.logger));
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.bodyLimitBytes,
      onError: () => {
        throw new ApiError('payload_too_large', `the body is over ${deps.bodyLimitBytes} bytes`);
      },
    }),
  );

  const pullPages =
    deps.pullPages ?? createPullPageCache({ db: deps.db, redis: undefined, ttlSeconds: 0 });
  const redis = deps.redis;
  app.route('/health', healthRoutes(deps.db, redis && { redis, pullCache: pullPages }));
  app.route('/metrics', metricsRoutes({ pullCache: pullPages, redis }));
  if (deps.auth.embedded) app.route('/auth/dev', authDevRoutes(deps.auth.embedded));

  // Public and before authentication: the till asks it before anyone has signed in.
  app.route('/api/client-config', clientConfigRoute(deps.clientConfig ?? EMBEDDED_CLIENT_CONFIG));
  app.use('/api/sync/stream', streamCors(deps.tillOrigins ?? []));
  app.use('/api/*', authenticate(deps.auth.verify));
  // Behind this, handlers read and write as the token's tenant (row-level security); the
  // privileged deps.db is for system work only (the permission sync, health checks).
  app.use('/api/*', scopeToTenant(deps.db));
  app.route('/api/me', meRoute());
  const authorizer = deps.authorizer ?? createEmbeddedAuthorizer({ db: deps.db });
  const authz = { authorizer };
  const authzSync = deps.authzSync ?? createAuthzSync({ authorizer, logger: deps.logger });
  const writes = { db: deps.db, authorizer, bus: deps.bus, authzSync, now };
  app.route('/api/sync', syncRoutes({ ...writes, pullPages, shutdown }));
  app.route('/api/devices', deviceRoutes(writes));
  app.route('/api/sales', salesRoutes(authz));
  app.route('/api/stock', stockRoutes(authz));
  app.route('/api/shifts', shiftRoutes(authz));
  app.route('/api/customers', customerRoutes());
  app.route('/api/receipt-outbox', receiptOutboxRoutes(authz));
  app.route('/api/quarantine', quarantineRoutes(authz));

  if (deps.clientDist !== undefined) app.route('/', staticTill(deps.clientDist));

  return app;
}
