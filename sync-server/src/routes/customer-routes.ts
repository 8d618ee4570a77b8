import { Hono } from 'hono';
import { z } from 'zod';

import { requireMember } from '../auth/authorize-tenant.ts';
import { searchCustomers } from '../customers/search-customers.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readLimit } from '../http/read-limit.ts';

const querySchema = z.string().trim().min(2).max(100);
const SEARCH_LIMIT = 20;

/** Customer search for tills that are online; offline they search what they pulled. */
export function customerRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requireMember());

  app.get('/', async (c) => {
    const query = querySchema.safeParse(c.req.query('query'));
    if (!query.success) {
      throw new ApiError(
        'validation_failed',
        'query needs 2 to 100 characters',
        query.error.issues,
      );
    }
    const limit = readLimit(c.req.query('limit'), SEARCH_LIMIT);
    return c.json({
      customers: await searchCustomers(
        c.get('tenantDb'),
        c.get('auth').tenantId,
        query.data,
        limit,
      ),
    });
  });

  return app;
}
