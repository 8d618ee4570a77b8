import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from './app-env.ts';

/**
 * Stamps every answer, errors included, with the server's clock in the standard `Date` header.
 * A till compares it with its own clock to find out it is days off before it stamps sales with
 * the wrong day. Node would add the header too, but only when it serves the socket itself; set
 * here it comes from the same clock that stamps `server.receivedAt`, in tests as well.
 */
export function serverDate(now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('Date', now().toUTCString());
  };
}
