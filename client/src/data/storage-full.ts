/** What a full browser storage is called by the specs, by Firefox, and inside Dexie and RxDB. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * The till's own storage is out of space. Nothing was saved, and the screen that asked still
 * holds what it was saving, so the cashier can free space and try again.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';

  constructor(options?: ErrorOptions) {
    super(
      'This till’s storage is full, so the sale is not saved yet. Nothing is lost: the cart and ' +
        'payments stay on this screen. Ask a manager to free space (Sync details, Clear catalog ' +
        'cache), then press Complete sale again.',
      options,
    );
  }
}

/**
 * Dexie wraps IndexedDB's error (`inner`), RxDB wraps Dexie's (`parameters.error`, `cause`), so
 * the quota error may sit a few levels down.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    parameters?: { error?: unknown; errors?: unknown };
  };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;

  const errors = Array.isArray(e.parameters?.errors) ? (e.parameters.errors as unknown[]) : [];
  return [e.inner, e.cause, e.parameters?.error, ...errors].some((inner) =>
    isQuotaError(inner, depth + 1),
  );
}
