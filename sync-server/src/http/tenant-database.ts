import type { Context, MiddlewareHandler } from 'hono';

import type { AuthzDeps } from '../auth/authorize-tenant.ts';
import type { Authorizer } from '../authz/authorizer.ts';
import type { Database } from '../db/database.ts';
import type { AppEnv } from './app-env.ts';

/**
 * Gives every handler behind authentication the database as the verified token's tenant, so a
 * route reads and writes through row-level security without choosing to. Handlers that need
 * the privileged handle for system work take it explicitly from their own deps.
 */
export function scopeToTenant(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('tenantDb', db.forTenant(c.get('auth').tenantId));
    await next();
  };
}

/** Permission questions of this request, their look-ups through the tenant's handle. */
export function tenantAuthz(c: Context<AppEnv>, authorizer: Authorizer): AuthzDeps {
  return { db: c.get('tenantDb'), authorizer };
}
