import { collections, type CollectionName, type PushRow } from '@pos/shared';

import type { PushQuestion } from './push-permits.ts';
import type { Pusher } from './push-rule.ts';
import { pushRuleFor } from './push-rules.ts';
import { clientPart } from './same-document.ts';
import type { StoredDocument } from './write-documents.ts';

/**
 * Every permission question the valid rows of a push raise, so they can be asked in one round
 * trip. Rows that fail their schema raise none: they are quarantined as invalid before any rule
 * reads them.
 */
export function pushQuestions(
  pusher: Pusher,
  collection: CollectionName,
  rows: readonly PushRow[],
): PushQuestion[] {
  const raise = pushRuleFor(collection).questions;
  if (raise === undefined) return [];

  return rows.flatMap((row) => {
    const parsed = collections[collection].schema.safeParse(row.newDocumentState);
    return parsed.success ? raise(pusher, clientPart(parsed.data) as StoredDocument) : [];
  });
}
