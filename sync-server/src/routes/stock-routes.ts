import { Hono } from 'hono';
import { z } from 'zod';

import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { stockOnHand } from '../stock/stock-on-hand.ts';

const storeIdSchema = z.string().min(1).max(128);

export function stockRoutes(db: Queryable): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/on-hand', async (c) => {
    const storeId = storeIdSchema.safeParse(c.req.query('storeId'));
    if (!storeId.success) {
      throw new ApiError('validation_failed', 'storeId is required', storeId.error.issues);
    }
    return c.json(await stockOnHand(db, c.get('auth').tenantId, storeId.data));
  });

  return app;
}
