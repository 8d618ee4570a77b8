import type { CollectionName, PushResponse, PushRow } from '@pos/shared';

import type { Authorizer } from '../authz/authorizer.ts';
import type { Database } from '../db/database.ts';
import { pushCommitted } from '../faults/crash-after-commit.ts';
import { ApiError } from '../http/api-error.ts';
import { applyPush } from './apply-push.ts';
import type { ChangeBus } from './change-bus.ts';
import { lockTenantWrites } from './lock-tenant-writes.ts';
import { askPermits } from './push-permits.ts';
import { pushQuestions } from './push-questions.ts';
import type { Pusher, PushNotice } from './push-rule.ts';
import type { StoredDocument } from './write-documents.ts';

export interface PushDeps {
  db: Database;
  bus: ChangeBus;
  authorizer: Authorizer;
}

export interface PushResult {
  response: PushResponse<StoredDocument>;
  /** What the push found that operators should hear about. */
  notices: PushNotice[];
  /** The collections it wrote to (a sale's stock movements too), once committed. */
  written: CollectionName[];
}

/**
 * One push, one transaction: either every accepted row, its stock movements and its quarantine
 * entries are stored, or (on an unexpected error) none are. The permission questions of every
 * row are answered first, in one round trip: when the authorizer cannot answer, the push fails
 * as `unavailable` having written nothing, and the till retries it later. Streams hear about
 * the push after commit.
 */
export async function pushDocuments(
  deps: PushDeps,
  push: Pusher & { now: Date },
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<PushResult> {
  const questions = pushQuestions(push, collection, rows);
  const permits = await askPermits(deps.authorizer, push.tenantId, questions);
  const context = { ...push, permits };

  // Row-level security holds the whole push to the pusher's tenant, whatever a rule queries.
  const outcome = await deps.db.forTenant(context.tenantId).transaction(async (tx) => {
    if (!(await lockTenantWrites(tx, context.tenantId))) {
      throw new ApiError('forbidden', 'this tenant is not provisioned on this server');
    }
    return applyPush(tx, context, collection, rows);
  });

  // A no-op unless the fault suite enabled it: see crash-after-commit.ts.
  pushCommitted();
  for (const change of outcome.changes) deps.bus.publish(change);
  return {
    response: outcome.response,
    notices: outcome.notices,
    written: outcome.changes.map((change) => change.collection),
  };
}
