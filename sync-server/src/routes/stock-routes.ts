import { Hono } from 'hono';
import { z } from 'zod';

import { permittedScope, requireInScope, type AuthzDeps } from '../auth/authorize-tenant.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { tenantAuthz } from '../http/tenant-database.ts';
import { stockOnHand } from '../stock/stock-on-hand.ts';

const storeIdSchema = z.string().min(1).max(128);

/** Stock on hand is a report: it shows what every till of the store sold. */
export function stockRoutes(deps: Pick<AuthzDeps, 'authorizer'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/on-hand', async (c) => {
    const storeId = storeIdSchema.safeParse(c.req.query('storeId'));
    if (!storeId.success) {
      throw new ApiError('validation_failed', 'storeId is required', storeId.error.issues);
    }

    const auth = c.get('auth');
    const authz = tenantAuthz(c, deps.authorizer);
    requireInScope(await permittedScope(authz, auth, 'view_reports'), storeId.data);
    return c.json(await stockOnHand(authz.db, auth.tenantId, storeId.data));
  });

  return app;
}
