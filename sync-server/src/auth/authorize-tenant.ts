import {
  authorize,
  type AuthzDecision,
  type StoreOnlyAction,
  type TenantWideAction,
} from '@pos/shared';
import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/api-error.ts';
import type { AuthContext } from './auth-context.ts';

/**
 * Asks the shared permission model about the whole tenant, with the token's realm roles as
 * tenant roles. TODO(#4): per-store roles come from Permify; the token has tenant roles only.
 */
export function decide(auth: AuthContext, action: TenantWideAction): AuthzDecision {
  const subject = { userId: auth.userId, tenantRoles: auth.roles, storeRoles: {} };
  return authorize({ subject, action, tenantId: auth.tenantId });
}

export function requirePermission(action: TenantWideAction): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = decide(c.get('auth'), action);
    if (!decision.allowed) throw new ApiError('forbidden', decision.reason);
    await next();
  };
}

/**
 * Asks about one store with the token's roles. They are tenant roles, so the answer is the
 * same in every store for now; without a store, a store-only action is refused.
 * TODO(#4): Permify answers per store.
 */
export function decideInStore(
  auth: AuthContext,
  action: StoreOnlyAction,
  storeId: string | undefined,
): AuthzDecision {
  const subject = { userId: auth.userId, tenantRoles: auth.roles, storeRoles: {} };
  const where = storeId === undefined ? {} : { storeId };
  return authorize({ subject, action, tenantId: auth.tenantId, ...where });
}

/** Tills read what tills write: any member of the tenant with a role. */
export function requireMember(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('auth').roles.length === 0) {
      throw new ApiError('forbidden', 'your account has no role in this organisation');
    }
    await next();
  };
}
