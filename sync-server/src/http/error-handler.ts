import { httpStatusOfWireError, type WireError, type WireErrorKind } from '@pos/shared';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';

import type { Logger } from '../observability/logger.ts';
import { ApiError } from './api-error.ts';
import type { AppEnv } from './app-env.ts';

/** Builds the one wire error body; every failing answer of the API goes through here. */
export function wireErrorResponse(
  c: Context,
  kind: WireErrorKind,
  message: string,
  details?: unknown,
): Response {
  const body: WireError = details === undefined ? { kind, message } : { kind, message, details };
  return c.json(body, httpStatusOfWireError[kind] as ContentfulStatusCode);
}

const kindOfHttpStatus: Record<number, WireErrorKind> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Maps whatever was thrown to the wire error; unexpected errors are logged, never echoed. */
export function createErrorHandler(fallbackLogger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof ApiError) {
      return wireErrorResponse(c, error.kind, error.message, error.details);
    }

    if (error instanceof ZodError) {
      return wireErrorResponse(c, 'validation_failed', 'the request is not valid', error.issues);
    }

    if (error instanceof HTTPException) {
      const kind = kindOfHttpStatus[error.status] ?? 'internal';
      return wireErrorResponse(c, kind, error.message || kind.replaceAll('_', ' '));
    }

    const logger = c.get('logger') ?? fallbackLogger;
    logger.error('unhandled error', { error });
    return wireErrorResponse(c, 'internal', 'something went wrong on the server');
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  wireErrorResponse(c, 'not_found', 'no such route');
