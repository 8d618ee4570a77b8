import { randomUUID } from 'node:crypto';

import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from '../http/app-env.ts';
import type { Logger } from './logger.ts';

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives every request an id (the gateway's `x-request-id` when it sent a sane one), a logger
 * carrying it, and one line when the answer leaves.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId =
      incoming !== undefined && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.set('logger', logger.child({ requestId }));
    c.header('x-request-id', requestId);

    const started = performance.now();
    await next();

    c.get('logger').info('request completed', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
    });
  };
}
