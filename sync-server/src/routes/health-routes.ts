import { Hono } from 'hono';

import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';

/** Liveness says the process answers; readiness that it can reach its database. */
export function healthRoutes(db: Queryable): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/live', (c) => c.json({ status: 'ok' }));

  app.get('/ready', async (c) => {
    try {
      await db.query('select 1 as ok', []);
    } catch (error) {
      c.get('logger').warn('database not reachable', { error });
      throw new ApiError('unavailable', 'the database is not reachable');
    }
    return c.json({ status: 'ok' });
  });

  return app;
}
