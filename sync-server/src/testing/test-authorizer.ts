import {
  authorize,
  storeSchema,
  type AuthzDecision,
  type AuthzSubject,
  type Store,
} from '@pos/shared';

import { loadStaffMember, staffSubject } from '../auth/staff-member.ts';
import type { Authorizer, AuthzQuestion } from '../authz/authorizer.ts';
import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { readMaster } from '../replication/read-masters.ts';

/** An authorizer tests can watch and take down. */
export interface TestAuthorizer extends Authorizer {
  /** While true every question and sync fails as `unavailable`, as with Permify down. */
  down: boolean;
  /** While true only `syncTenant` fails, as with Permify refusing a write. */
  syncFails: boolean;
  /** The number of questions of each `checkMany` call, in order. */
  readonly batches: number[];
  /** Each tenant `syncTenant` was called for (and succeeded), in order. */
  readonly synced: string[];
}

/**
 * The shared model over the tenant's staff and store documents, written out here so server
 * tests do not depend on the authorizer under test elsewhere. Like Permify, it knows live
 * stores of the tenant only.
 */
export function createTestAuthorizer(db: Queryable): TestAuthorizer {
  const unavailable = () => new ApiError('unavailable', 'permissions cannot be checked now');

  async function decide(question: AuthzQuestion): Promise<AuthzDecision> {
    const { tenantId, userId, action, storeId, discountMilliPercent } = question;
    const store = storeId === undefined ? undefined : await liveStore(db, tenantId, storeId);
    if (storeId !== undefined && store === undefined) {
      return { allowed: false, reason: 'This store is closed or not part of this organisation' };
    }

    const staff = await loadStaffMember(db, tenantId, userId);
    const subject: AuthzSubject = staff
      ? staffSubject(staff)
      : { userId, tenantRoles: [], storeRoles: {} };
    return authorize({
      subject,
      action,
      tenantId,
      ...(storeId === undefined ? {} : { storeId }),
      ...(store === undefined ? {} : { store }),
      ...(discountMilliPercent === undefined ? {} : { discountMilliPercent }),
    });
  }

  const authorizer: TestAuthorizer = {
    down: false,
    syncFails: false,
    batches: [],
    synced: [],
    async check(question) {
      if (authorizer.down) throw unavailable();
      return decide(question);
    },
    async checkMany(questions) {
      if (authorizer.down) throw unavailable();
      authorizer.batches.push(questions.length);
      const answers: AuthzDecision[] = [];
      for (const question of questions) answers.push(await decide(question));
      return answers;
    },
    async syncTenant(tenantId) {
      if (authorizer.down || authorizer.syncFails) throw unavailable();
      authorizer.synced.push(tenantId);
    },
  };
  return authorizer;
}

async function liveStore(
  db: Queryable,
  tenantId: string,
  storeId: string,
): Promise<Store | undefined> {
  const parsed = storeSchema.safeParse(await readMaster(db, tenantId, 'stores', storeId));
  return parsed.success && !parsed.data._deleted ? parsed.data : undefined;
}
