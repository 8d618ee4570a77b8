import { Hono } from 'hono';
import { z } from 'zod';

import { permittedScope, scopeFilter, type AuthzDeps } from '../auth/authorize-tenant.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readLimit } from '../http/read-limit.ts';
import { tenantAuthz } from '../http/tenant-database.ts';

const statusSchema = z.enum(['queued', 'sent', 'failed']).optional();

interface OutboxRow {
  sale_id: string;
  email: string;
  status: string;
  created_at: Date | string;
}

/**
 * Receipt emails waiting to be sent (or sent, or failed), newest first, for managers of the
 * stores the sales were made in.
 */
export function receiptOutboxRoutes(deps: Pick<AuthzDeps, 'authorizer'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = c.get('auth');
    const authz = tenantAuthz(c, deps.authorizer);
    const scope = await permittedScope(authz, auth, 'view_reports');
    const status = statusSchema.safeParse(c.req.query('status'));
    if (!status.success) {
      throw new ApiError('validation_failed', 'status is not valid', status.error.issues);
    }
    const { rows } = await authz.db.query<OutboxRow>(
      `select o.sale_id, o.email, o.status, o.created_at from receipt_outbox o
       where o.tenant_id = $1 and ($2::text is null or o.status = $2)
         and ($4::text[] is null or exists (
           select 1 from documents d
           where d.tenant_id = o.tenant_id and d.collection = 'sales' and d.id = o.sale_id
             and d.data ->> 'storeId' = any($4::text[])))
       order by o.created_at desc, o.sale_id limit $3`,
      [auth.tenantId, status.data ?? null, readLimit(c.req.query('limit')), scopeFilter(scope)],
    );
    return c.json({
      receipts: rows.map((row) => ({
        saleId: row.sale_id,
        email: row.email,
        status: row.status,
        createdAt: new Date(row.created_at).toISOString(),
      })),
    });
  });

  return app;
}
