import type { RxDocumentData } from 'rxdb';

/** A document as the domain sees it: RxDB's bookkeeping fields removed, `_deleted` kept. */
export function plainDocument<T>(data: RxDocumentData<T>): T & { _deleted: boolean } {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = data;
  return rest as T & { _deleted: boolean };
}

/** What RxDB inserts: `_deleted` is RxDB's own flag, never written by the till. */
export function withoutDeletedFlag<T extends { _deleted: boolean }>(doc: T): Omit<T, '_deleted'> {
  const { _deleted: _d, ...rest } = doc;
  return rest;
}
