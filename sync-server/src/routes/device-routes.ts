import { deviceClaimRequestSchema } from '@pos/shared';
import { Hono } from 'hono';

import type { Database } from '../db/database.ts';
import { claimDevice } from '../devices/claim-device.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readBody } from '../http/read-body.ts';
import type { ChangeBus } from '../replication/change-bus.ts';
import { lockTenantWrites } from '../replication/lock-tenant-writes.ts';

export interface DeviceRouteDeps {
  db: Database;
  bus: ChangeBus;
  now: () => Date;
}

/** TODO(#4): who may set up a till is a Permify decision; any signed-in member may for now. */
export function deviceRoutes(deps: DeviceRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/claim', async (c) => {
    const auth = c.get('auth');
    const { installationId, storeId } = await readBody(c, deviceClaimRequestSchema);

    const outcome = await deps.db.transaction(async (tx) => {
      if (!(await lockTenantWrites(tx, auth.tenantId))) {
        throw new ApiError('forbidden', 'this tenant is not provisioned on this server');
      }
      return claimDevice(tx, {
        tenantId: auth.tenantId,
        userId: auth.userId,
        installationId,
        storeId,
        now: deps.now(),
      });
    });
    if (outcome.change) deps.bus.publish(outcome.change);

    c.get('logger').info('device claimed', { storeId, deviceId: outcome.device.id });
    return c.json(outcome.device);
  });

  return app;
}
