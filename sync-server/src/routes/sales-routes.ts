import { Hono } from 'hono';
import { z } from 'zod';

import type { AuthContext } from '../auth/auth-context.ts';
import {
  askAbout,
  permittedScope,
  requireAnyOf,
  requireInScope,
  scopeFilter,
  type AuthzDeps,
} from '../auth/authorize-tenant.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readLimit } from '../http/read-limit.ts';
import { tenantAuthz } from '../http/tenant-database.ts';
import { readMaster } from '../replication/read-masters.ts';
import type { StoredDocument } from '../replication/write-documents.ts';
import { findByReceiptNumber } from '../sales/find-by-receipt.ts';

const receiptNumberSchema = z.string().min(1).max(40);

/**
 * Reports read the sales of their stores; someone refunding in `refundStoreId` may find the one
 * sale they give money back on, rung up at any till of the tenant.
 */
function requireReportsOrRefund(
  deps: AuthzDeps,
  auth: AuthContext,
  saleStoreId: string | undefined,
  refundStoreId: string | undefined,
): Promise<void> {
  return requireAnyOf(deps, [
    askAbout(auth, 'view_reports'),
    ...(saleStoreId === undefined ? [] : [askAbout(auth, 'view_reports', saleStoreId)]),
    askAbout(auth, 'refund', refundStoreId),
  ]);
}

/**
 * Stored sales as the server accepted them (with `server`): the newest ones for reports, or
 * one found by receipt number (with its refunds) or id for a refund at any till of the tenant.
 * `storeId` on a lookup names the store the refund happens in.
 */
export function salesRoutes(deps: Pick<AuthzDeps, 'authorizer'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = c.get('auth');
    const authz = tenantAuthz(c, deps.authorizer);
    const { db } = authz;
    const storeId = c.req.query('storeId');
    const receiptNumber = c.req.query('receiptNumber');

    if (receiptNumber !== undefined) {
      const parsed = receiptNumberSchema.safeParse(receiptNumber);
      if (!parsed.success) {
        throw new ApiError('validation_failed', 'receiptNumber is not valid', parsed.error.issues);
      }
      await requireReportsOrRefund(authz, auth, storeId, storeId);
      return c.json(await findByReceiptNumber(db, auth.tenantId, parsed.data));
    }

    const scope = await permittedScope(authz, auth, 'view_reports');
    if (storeId !== undefined) requireInScope(scope, storeId);
    const { rows } = await db.query<{ data: StoredDocument }>(
      `select data from documents
       where tenant_id = $1 and collection = 'sales'
         and ($2::text is null or data ->> 'storeId' = $2)
         and ($4::text[] is null or data ->> 'storeId' = any($4::text[]))
       order by seq desc limit $3`,
      [auth.tenantId, storeId ?? null, readLimit(c.req.query('limit')), scopeFilter(scope)],
    );
    return c.json({ sales: rows.map((row) => row.data) });
  });

  app.get('/:id', async (c) => {
    const auth = c.get('auth');
    const authz = tenantAuthz(c, deps.authorizer);
    const { db } = authz;
    const sale = await readMaster(db, auth.tenantId, 'sales', c.req.param('id'));
    if (sale === undefined) throw new ApiError('not_found', 'no such sale');
    const saleStore = typeof sale['storeId'] === 'string' ? sale['storeId'] : undefined;
    await requireReportsOrRefund(authz, auth, saleStore, c.req.query('storeId') ?? saleStore);
    return c.json(sale);
  });

  return app;
}
