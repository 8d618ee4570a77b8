import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

import type { AppEnv } from './app-env.ts';

/** How long a browser may reuse a preflight answer: tills reconnect often, the list rarely changes. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * CORS for the event stream only. The gateway buffers responses, so a till served through it
 * opens the stream on a sync server directly: another origin, with a Bearer token (no cookies),
 * hence a preflight. Only the listed till origins get an answer a browser accepts; `Date` is
 * exposed because the till compares it with its own clock. Mounted before authentication: a
 * preflight carries no token.
 */
export function streamCors(tillOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(tillOrigins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET'],
    allowHeaders: ['Authorization', 'Accept'],
    exposeHeaders: ['Date'],
    maxAge: PREFLIGHT_MAX_AGE_S,
  });
}
