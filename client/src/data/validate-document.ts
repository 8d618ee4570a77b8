import { collections, type CollectionName, type DocumentOf } from '@pos/shared';

import { withoutDeletedFlag } from './plain-document.ts';
import type { RxDoc } from './schema/collection-schema.ts';

export class InvalidDocumentError extends Error {
  constructor(
    readonly collection: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `Refusing to store an invalid ${collection} document: ${issues
        .map((issue) => `${issue.path || '(root)'} ${issue.message}`)
        .join('; ')}`,
    );
    this.name = 'InvalidDocumentError';
  }
}

/** Every document the till writes passes the shared zod schema first, as the server would. */
export function validateDocument<C extends CollectionName>(
  collection: C,
  doc: unknown,
): DocumentOf<C> {
  const parsed = collections[collection].schema.safeParse(doc);
  if (!parsed.success) {
    throw new InvalidDocumentError(
      collection,
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return parsed.data as DocumentOf<C>;
}

export function insertableDocument<C extends CollectionName>(
  collection: C,
  doc: unknown,
): RxDoc<C> {
  return withoutDeletedFlag(validateDocument(collection, doc)) as RxDoc<C>;
}
