import { Hono } from 'hono';

import { requirePermission } from '../auth/authorize-tenant.ts';
import type { Queryable } from '../db/database.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readLimit } from '../http/read-limit.ts';

interface QuarantineRow {
  collection: string;
  document_id: string;
  code: string;
  message: string;
  received_at: Date | string;
  user_id: string;
  body: unknown;
}

/**
 * What the server would not apply, newest first, with why and the document as pushed, so a
 * manager can see every sale that did not make it into the books and act on it.
 */
export function quarantineRoutes(db: Queryable): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requirePermission('view_reports'));

  app.get('/', async (c) => {
    const { rows } = await db.query<QuarantineRow>(
      `select collection, document_id, code, message, received_at, user_id, body
       from quarantine where tenant_id = $1
       order by received_at desc, collection, document_id, code limit $2`,
      [c.get('auth').tenantId, readLimit(c.req.query('limit'))],
    );
    return c.json({
      entries: rows.map((row) => ({
        collection: row.collection,
        documentId: row.document_id,
        code: row.code,
        message: row.message,
        receivedAt: new Date(row.received_at).toISOString(),
        userId: row.user_id,
        body: row.body,
      })),
    });
  });

  return app;
}
