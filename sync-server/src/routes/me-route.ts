import { staffSchema, type MeResponse } from '@pos/shared';
import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env.ts';
import { readMaster } from '../replication/read-masters.ts';

/** Who is signed in: roles from the token, stores and display name from the staff document. */
export function meRoute(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const auth = c.get('auth');
    const db = c.get('tenantDb');

    const staff = staffSchema.safeParse(await readMaster(db, auth.tenantId, 'staff', auth.userId));
    const member = staff.success && !staff.data._deleted ? staff.data : undefined;
    const { rows } = await db.query<{ name: string }>('select name from tenants where id = $1', [
      auth.tenantId,
    ]);

    const me: MeResponse = {
      userId: auth.userId,
      tenantId: auth.tenantId,
      tenantName: rows[0]?.name ?? auth.tenantId,
      displayName: member?.displayName ?? auth.name,
      email: auth.email || (member?.email ?? ''),
      roles: auth.roles,
      storeIds: member?.storeIds ?? [],
    };
    return c.json(me);
  });

  return app;
}
