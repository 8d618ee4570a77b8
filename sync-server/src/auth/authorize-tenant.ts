import { authorize, type AuthzDecision, type TenantWideAction } from '@pos/shared';
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
