import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/api-error.ts';
import type { VerifyAccessToken } from './verify-token.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Requires a valid access token and puts who is calling on the context. Tenant and user are
 * taken from the verified token only; nothing in the body, query or other headers can set them.
 */
export function authenticate(verify: VerifyAccessToken): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    const auth = match?.[1] === undefined ? undefined : await verify(match[1]);
    if (auth === undefined) {
      throw new ApiError('unauthenticated', 'a valid access token is required');
    }

    c.set('auth', auth);
    c.set('logger', c.get('logger').child({ tenantId: auth.tenantId, userId: auth.userId }));
    await next();
  };
}
