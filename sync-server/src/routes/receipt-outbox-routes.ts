import { Hono } from 'hono';
import { z } from 'zod';

import { requirePermission } from '../auth/authorize-tenant.ts';
import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readLimit } from '../http/read-limit.ts';

const statusSchema = z.enum(['queued', 'sent', 'failed']).optional();

interface OutboxRow {
  sale_id: string;
  email: string;
  status: string;
  created_at: Date | string;
}

/** Receipt emails waiting to be sent (or sent, or failed), newest first, for managers. */
export function receiptOutboxRoutes(db: Queryable): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requirePermission('view_reports'));

  app.get('/', async (c) => {
    const status = statusSchema.safeParse(c.req.query('status'));
    if (!status.success) {
      throw new ApiError('validation_failed', 'status is not valid', status.error.issues);
    }
    const { rows } = await db.query<OutboxRow>(
      `select sale_id, email, status, created_at from receipt_outbox
       where tenant_id = $1 and ($2::text is null or status = $2)
       order by created_at desc, sale_id limit $3`,
      [c.get('auth').tenantId, status.data ?? null, readLimit(c.req.query('limit'))],
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
