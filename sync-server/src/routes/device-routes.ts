import { deviceClaimRequestSchema } from '@pos/shared';
import { Hono } from 'hono';

import { askAbout, requireAnyOf } from '../auth/authorize-tenant.ts';
import type { Authorizer } from '../authz/authorizer.ts';
import { claimDevice } from '../devices/claim-device.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readBody } from '../http/read-body.ts';
import { tenantAuthz } from '../http/tenant-database.ts';
import type { AuthzSync } from '../replication/authz-sync.ts';
import type { ChangeBus } from '../replication/change-bus.ts';
import { lockTenantWrites } from '../replication/lock-tenant-writes.ts';
import { readMaster } from '../replication/read-masters.ts';

export interface DeviceRouteDeps {
  bus: ChangeBus;
  authorizer: Authorizer;
  authzSync: AuthzSync;
  now: () => Date;
}

/**
 * Setting up a till: whoever may sell in the store may claim one of its tills, which creates
 * the next one when every till is taken, so a shop opens a new tablet without an owner present.
 */
export function deviceRoutes(deps: DeviceRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/claim', async (c) => {
    const auth = c.get('auth');
    const { installationId, storeId } = await readBody(c, deviceClaimRequestSchema);
    const db = c.get('tenantDb');
    // An unknown store is a 404 as claimDevice answers it; the claim checks again under lock.
    if ((await readMaster(db, auth.tenantId, 'stores', storeId)) === undefined) {
      throw new ApiError('not_found', `store ${storeId} does not exist`);
    }
    await requireAnyOf(tenantAuthz(c, deps.authorizer), [askAbout(auth, 'sell', storeId)]);

    const outcome = await db.transaction(async (tx) => {
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

    if (outcome.change) {
      deps.bus.publish(outcome.change);
      // Committed already: a failed sync is logged and retried, and never fails the claim.
      await deps.authzSync.tenantChanged(auth.tenantId);
    }
    c.get('logger').info('device claimed', { storeId, deviceId: outcome.device.id });
    return c.json(outcome.device);
  });

  return app;
}
