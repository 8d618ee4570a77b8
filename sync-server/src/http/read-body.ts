import type { Context } from 'hono';
import type { z } from 'zod';

import { ApiError } from './api-error.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.ts';

/**
 * Reads a JSON body and validates it: text that is not JSON (or nests absurdly deep) is a 400,
 * JSON of the wrong shape a 422 listing zod's issues.
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ApiError('bad_request', `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', 'the body is not valid JSON');
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError('validation_failed', 'the body is not valid', parsed.error.issues);
  }
  return parsed.data;
}
