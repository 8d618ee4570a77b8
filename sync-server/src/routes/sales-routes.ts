import { Hono } from 'hono';

import { requirePermission } from '../auth/authorize-tenant.ts';
import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readMaster } from '../replication/read-masters.ts';
import type { StoredDocument } from '../replication/write-documents.ts';

const LIMIT_DEFAULT = 50;
const LIMIT_MAX = 500;

function readLimit(raw: string | undefined): number {
  const limit = Number(raw);
  if (raw === undefined || !Number.isInteger(limit) || limit < 1) return LIMIT_DEFAULT;
  return Math.min(limit, LIMIT_MAX);
}

/** Stored sales, newest first, as the server accepted them (with `server`). */
export function salesRoutes(db: Queryable): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requirePermission('view_reports'));

  app.get('/', async (c) => {
    const storeId = c.req.query('storeId');
    const { rows } = await db.query<{ data: StoredDocument }>(
      `select data from documents
       where tenant_id = $1 and collection = 'sales'
         and ($2::text is null or data ->> 'storeId' = $2)
       order by seq desc limit $3`,
      [c.get('auth').tenantId, storeId ?? null, readLimit(c.req.query('limit'))],
    );
    return c.json({ sales: rows.map((row) => row.data) });
  });

  app.get('/:id', async (c) => {
    const sale = await readMaster(db, c.get('auth').tenantId, 'sales', c.req.param('id'));
    if (sale === undefined) throw new ApiError('not_found', 'no such sale');
    return c.json(sale);
  });

  return app;
}
