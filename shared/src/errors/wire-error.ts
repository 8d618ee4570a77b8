import { z } from 'zod';

/** The one error body every API answers with, whatever failed. */
export const wireErrorKinds = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const;

export const wireErrorSchema = z
  .object({
    kind: z.enum(wireErrorKinds),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .strict();
export type WireError = z.infer<typeof wireErrorSchema>;
export type WireErrorKind = WireError['kind'];

export const httpStatusOfWireError: Record<WireErrorKind, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
