import { shiftSchema } from '@pos/shared';
import { Hono } from 'hono';
import { z } from 'zod';

import { requirePermission } from '../auth/authorize-tenant.ts';
import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readLimit } from '../http/read-limit.ts';
import { readMaster } from '../replication/read-masters.ts';
import { readClosingChecks } from '../shifts/closing-checks.ts';
import { shiftReport } from '../shifts/shift-report.ts';

const statusSchema = z.enum(['open', 'closed']).optional();

/**
 * Shifts for managers: the list (newest opening first, each with what the server found when it
 * closed) and the Z report of one, recomputed over whatever of the shift has arrived so far.
 */
export function shiftRoutes(db: Queryable): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requirePermission('view_reports'));

  app.get('/', async (c) => {
    const tenantId = c.get('auth').tenantId;
    const status = statusSchema.safeParse(c.req.query('status'));
    if (!status.success) {
      throw new ApiError('validation_failed', 'status is open or closed', status.error.issues);
    }

    const { rows } = await db.query<{ data: unknown }>(
      `select data from documents
       where tenant_id = $1 and collection = 'shifts' and not deleted
         and ($2::text is null or data ->> 'storeId' = $2)
         and ($3::text is null or data ->> 'status' = $3)
       order by data ->> 'openedAt' desc, id limit $4`,
      [
        tenantId,
        c.req.query('storeId') ?? null,
        status.data ?? null,
        readLimit(c.req.query('limit')),
      ],
    );
    const shifts = rows.flatMap((row) => {
      const parsed = shiftSchema.safeParse(row.data);
      return parsed.success ? [parsed.data] : [];
    });
    const checks = await readClosingChecks(
      db,
      tenantId,
      shifts.map((shift) => shift.id),
    );
    return c.json({
      shifts: shifts.map((shift) => ({ ...shift, closingCheck: checks.get(shift.id) ?? null })),
    });
  });

  app.get('/:id/report', async (c) => {
    const tenantId = c.get('auth').tenantId;
    const shift = shiftSchema.safeParse(
      await readMaster(db, tenantId, 'shifts', c.req.param('id')),
    );
    if (!shift.success || shift.data._deleted) throw new ApiError('not_found', 'no such shift');

    const report = await shiftReport(db, tenantId, shift.data);
    const checks = await readClosingChecks(db, tenantId, [shift.data.id]);
    return c.json({
      shift: shift.data,
      report,
      closingCheck: checks.get(shift.data.id) ?? null,
    });
  });

  return app;
}
