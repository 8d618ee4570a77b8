import { Hono } from 'hono';

import { permittedScope, scopeFilter, type AuthzDeps } from '../auth/authorize-tenant.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readLimit } from '../http/read-limit.ts';
import { tenantAuthz } from '../http/tenant-database.ts';

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
export function quarantineRoutes(deps: Pick<AuthzDeps, 'authorizer'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = c.get('auth');
    const authz = tenantAuthz(c, deps.authorizer);
    const scope = await permittedScope(authz, auth, 'view_reports');

    // A manager of some stores sees what their stores' tills pushed, and what names no store
    // (customers, or a body too broken to name one). The store is read from the document, or
    // from the pushed row when the document itself was refused as invalid.
    const { rows } = await authz.db.query<QuarantineRow>(
      `select collection, document_id, code, message, received_at, user_id, body
       from quarantine
       where tenant_id = $1
         and ($3::text[] is null
              or coalesce(body ->> 'storeId', body -> 'newDocumentState' ->> 'storeId') is null
              or coalesce(body ->> 'storeId', body -> 'newDocumentState' ->> 'storeId')
                 = any($3::text[]))
       order by received_at desc, collection, document_id, code limit $2`,
      [auth.tenantId, readLimit(c.req.query('limit')), scopeFilter(scope)],
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
