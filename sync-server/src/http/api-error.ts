import type { WireErrorKind } from '@pos/shared';

/**
 * The one exception the API throws for an answer that is not a success. The error handler turns
 * it into the wire error body with the status `httpStatusOfWireError` gives its kind.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: WireErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
