interface PlainError {
  name?: unknown;
  message?: unknown;
}

function isPlainError(value: unknown): value is PlainError {
  return typeof value === 'object' && value !== null;
}

/**
 * RxDB wraps handler failures (RC_PULL, RC_PUSH) with the original errors as plain objects in
 * `parameters.errors`; this digs out the message a person can act on.
 */
export function describeSyncError(error: unknown): string | null {
  const inner: unknown[] =
    isPlainError(error) &&
    'parameters' in error &&
    isPlainError(error.parameters) &&
    'errors' in error.parameters &&
    Array.isArray(error.parameters.errors)
      ? error.parameters.errors
      : [error];

  const first = inner.find(isPlainError);
  // Being offline is not an error: the indicator already says offline.
  if (first?.name === 'NetworkError') return null;
  if (typeof first?.message === 'string' && first.message !== '') return first.message;
  return 'Sync failed; it will retry by itself';
}
