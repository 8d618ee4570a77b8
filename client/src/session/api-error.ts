import { wireErrorSchema, type WireErrorKind } from '@pos/shared';

/** The server answered with an error: its `{ kind, message, details }` body, or the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly kind: WireErrorKind | 'unknown',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body: unknown = await response.json().catch(() => undefined);
    const wire = wireErrorSchema.safeParse(body);
    if (wire.success) {
      return new ApiError(response.status, wire.data.kind, wire.data.message, wire.data.details);
    }
    return new ApiError(response.status, 'unknown', `The server answered ${response.status}`);
  }
}

/** No answer at all: offline, DNS, refused connection, or a request aborted by a timeout. */
export class NetworkError extends Error {
  constructor(message = 'The server cannot be reached', options?: { cause: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
