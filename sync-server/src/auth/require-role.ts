import type { Role } from '@pos/shared';
import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/api-error.ts';
import type { AuthContext } from './auth-context.ts';

export function hasAnyRole(auth: AuthContext, roles: readonly Role[]): boolean {
  return auth.roles.some((role) => roles.includes(role));
}

/** Coarse role gate. TODO(#4): Permify decides per store and per action. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!hasAnyRole(c.get('auth'), roles)) {
      throw new ApiError('forbidden', `this needs one of the roles: ${roles.join(', ')}`);
    }
    await next();
  };
}
