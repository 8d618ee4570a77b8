import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import { authenticate } from './auth/authenticate.ts';
import type { Auth } from './auth/create-auth.ts';
import type { Database } from './db/database.ts';
import { ApiError } from './http/api-error.ts';
import type { AppEnv } from './http/app-env.ts';
import { createErrorHandler, notFoundHandler } from './http/error-handler.ts';
import type { Logger } from './observability/logger.ts';
import { requestContext } from './observability/request-context.ts';
import type { ChangeBus } from './replication/change-bus.ts';
import { authDevRoutes } from './routes/auth-dev-routes.ts';
import { customerRoutes } from './routes/customer-routes.ts';
import { deviceRoutes } from './routes/device-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
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
  logger: Logger;
  bodyLimitBytes: number;
  /** Where the built till lives; undefined serves no static files (tests). */
  clientDist?: string | undefined;
  now?: () => Date;
  /** Aborted at shutdown so open event streams end and the server can close. */
  shutdown?: AbortSignal;
}

/** The whole HTTP surface; tests call `app.request(...)` on it without opening a port. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const now = deps.now ?? (() => new Date());
  const shutdown = deps.shutdown ?? new AbortController().signal;
  const app = new Hono<AppEnv>();

  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);

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

  app.route('/health', healthRoutes(deps.db));
  if (deps.auth.embedded) app.route('/auth/dev', authDevRoutes(deps.auth.embedded));

  app.use('/api/*', authenticate(deps.auth.verify));
  app.route('/api/me', meRoute(deps.db));
  app.route('/api/sync', syncRoutes({ db: deps.db, bus: deps.bus, now, shutdown }));
  app.route('/api/devices', deviceRoutes({ db: deps.db, bus: deps.bus, now }));
  app.route('/api/sales', salesRoutes(deps.db));
  app.route('/api/stock', stockRoutes(deps.db));
  app.route('/api/shifts', shiftRoutes(deps.db));
  app.route('/api/customers', customerRoutes(deps.db));
  app.route('/api/receipt-outbox', receiptOutboxRoutes(deps.db));
  app.route('/api/quarantine', quarantineRoutes(deps.db));

  if (deps.clientDist !== undefined) app.route('/', staticTill(deps.clientDist));

  return app;
}
