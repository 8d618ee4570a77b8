import { shiftSchema } from '@pos/shared';
import { Hono } from 'hono';
import { z } from 'zod';

import {
  permittedScope,
  requireInScope,
  scopeFilter,
  type AuthzDeps,
} from '../auth/authorize-tenant.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readLimit } from '../http/read-limit.ts';
import { tenantAuthz } from '../http/tenant-database.ts';
import { readMaster } from '../replication/read-masters.ts';
import { readClosingChecks } from '../shifts/closing-checks.ts';
import { shiftReport } from '../shifts/shift-report.ts';

const statusSchema = z.enum(['open', 'closed']).optional();

/**
 * Shifts for managers of their stores: the list (newest opening first, each with what the
 * server found when it closed) and the Z report of one, recomputed over whatever of the shift
 * has arrived so far.
 */
export function shiftRoutes(deps: Pick<AuthzDeps, 'authorizer'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = c.get('auth');
    const authz = tenantAuthz(c, deps.authorizer);
    const { db } = authz;
    const storeId = c.req.query('storeId');
    const scope = await permittedScope(authz, auth, 'view_reports');
    if (storeId !== undefined) requireInScope(scope, storeId);

    const status = statusSchema.safeParse(c.req.query('status'));
    if (!status.success) {
      throw new ApiError('validation_failed', 'status is open or closed', status.error.issues);
    }

    const { rows } = await db.query<{ data: unknown }>(
      `select data from documents
       where tenant_id = $1 and collection = 'shifts' and not deleted
         and ($2::text is null or data ->> 'storeId' = $2)
         and ($3::text is null or data ->> 'status' = $3)
         and ($5::text[] is null or data ->> 'storeId' = any($5::text[]))
       order by data ->> 'openedAt' desc, id limit $4`,
      [
        auth.tenantId,
        storeId ?? null,
        status.data ?? null,
        readLimit(c.req.query('limit')),
        scopeFilter(scope),
      ],
    );
    const shifts = rows.flatMap((row) => {
      const parsed = shiftSchema.safeParse(row.data);
      return parsed.success ? [parsed.data] : [];
    });
    const checks = await readClosingChecks(
      db,
      auth.tenantId,
      shifts.map((shift) => shift.id),
    );
    return c.json({
      shifts: shifts.map((shift) => ({ ...shift, closingCheck: checks.get(shift.id) ?? null })),
    });
  });

  app.get('/:id/report', async (c) => {
    const auth = c.get('auth');
    const authz = tenantAuthz(c, deps.authorizer);
    const { db } = authz;
    // Asked before looking, so someone allowed no reports learns nothing of what exists.
    const scope = await permittedScope(authz, auth, 'view_reports');
    const shift = shiftSchema.safeParse(
      await readMaster(db, auth.tenantId, 'shifts', c.req.param('id')),
    );
    if (!shift.success || shift.data._deleted) throw new ApiError('not_found', 'no such shift');
    requireInScope(scope, shift.data.storeId);

    const report = await shiftReport(db, auth.tenantId, shift.data);
    const checks = await readClosingChecks(db, auth.tenantId, [shift.data.id]);
    return c.json({
      shift: shift.data,
      report,
      closingCheck: checks.get(shift.data.id) ?? null,
    });
  });

  return app;
}
