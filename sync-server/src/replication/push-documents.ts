import type { CollectionName, PushResponse, PushRow } from '@pos/shared';

import type { Database } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { applyPush, type PushContext } from './apply-push.ts';
import type { ChangeBus } from './change-bus.ts';
import { lockTenantWrites } from './lock-tenant-writes.ts';
import type { PushNotice } from './push-rule.ts';
import type { StoredDocument } from './write-documents.ts';

export interface PushResult {
  response: PushResponse<StoredDocument>;
  /** What the push found that operators should hear about. */
  notices: PushNotice[];
}

/**
 * One push, one transaction: either every accepted row, its stock movements and its quarantine
 * entries are stored, or (on an unexpected error) none are. Streams hear about it after commit.
 */
export async function pushDocuments(
  db: Database,
  bus: ChangeBus,
  context: PushContext,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<PushResult> {
  const outcome = await db.transaction(async (tx) => {
    if (!(await lockTenantWrites(tx, context.tenantId))) {
      throw new ApiError('forbidden', 'this tenant is not provisioned on this server');
    }
    return applyPush(tx, context, collection, rows);
  });

  for (const change of outcome.changes) bus.publish(change);
  return { response: outcome.response, notices: outcome.notices };
}
