import { PERMISSION_CASES } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../db/database.ts';
import { SETUP_TIMEOUT_MS } from '../testing/setup-timeout.ts';
import type { AuthzQuestion } from './authorizer.ts';
import {
  CLOSED,
  MAIN,
  SECOND,
  openTestTenant,
  writeTestDocuments,
  testStaff,
} from './authz-test-tenant.ts';
import { createEmbeddedAuthorizer, factsAuthorizer } from './embedded-authorizer.ts';
import { caseQuestion, permissionCaseFacts } from './permission-case-tenant.ts';

describe('the embedded authorizer on the shared permission cases', () => {
  const authorizer = factsAuthorizer(async () => permissionCaseFacts());

  it('answers every case as expected, in the order asked', async () => {
    const decisions = await authorizer.checkMany(PERMISSION_CASES.map((c) => caseQuestion(c)));

    expect(decisions.map((d) => d.allowed)).toEqual(PERMISSION_CASES.map((c) => c.expected));
  });
});

describe('the embedded authorizer on documents', () => {
  let db: Database;
  const ask = (question: Omit<AuthzQuestion, 'tenantId'>): AuthzQuestion => ({
    tenantId: 'acme',
    ...question,
  });

  beforeAll(async () => {
    db = await openTestTenant('acme');
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await db.close();
  });

  it('reads roles from staff documents: store roles in assigned stores, owners everywhere', async () => {
    const authorizer = createEmbeddedAuthorizer({ db });

    const decisions = await authorizer.checkMany([
      ask({ userId: 'cashier', action: 'sell', storeId: MAIN }),
      ask({ userId: 'cashier', action: 'sell', storeId: SECOND }),
      ask({ userId: 'cashier', action: 'refund', storeId: MAIN }),
      ask({ userId: 'manager', action: 'refund', storeId: MAIN }),
      ask({ userId: 'owner', action: 'manage_users' }),
      ask({ userId: 'owner', action: 'void', storeId: SECOND }),
      ask({ userId: 'manager', action: 'view_reports' }),
    ]);

    expect(decisions).toEqual([
      { allowed: true },
      { allowed: false, reason: 'Selling needs a cashier role in this store' },
      { allowed: false, reason: 'Refunds need a manager' },
      { allowed: true },
      { allowed: true },
      { allowed: true },
      { allowed: false, reason: 'Reports need a manager' },
    ]);
  });

  it("holds discounts to the store's own limits", async () => {
    const authorizer = createEmbeddedAuthorizer({ db });
    const discount = (userId: string, storeId: string, discountMilliPercent: number) =>
      ask({ userId, action: 'apply_discount', storeId, discountMilliPercent });

    const decisions = await authorizer.checkMany([
      discount('roaming', MAIN, 10_000),
      discount('roaming', SECOND, 5_001),
      discount('owner', SECOND, 50_001),
    ]);

    expect(decisions).toEqual([
      { allowed: true },
      {
        allowed: false,
        reason: 'A 5.001% discount needs approval: your limit in this store is 5%',
      },
      {
        allowed: false,
        reason: 'A 50.001% discount needs approval: your limit in this store is 50%',
      },
    ]);
  });

  it('refuses closed stores, removed members and unknown tenants', async () => {
    const authorizer = createEmbeddedAuthorizer({ db });

    const decisions = await authorizer.checkMany([
      ask({ userId: 'owner', action: 'sell', storeId: CLOSED }),
      ask({ userId: 'removed', action: 'refund', storeId: MAIN }),
      { tenantId: 'elsewhere', userId: 'owner', action: 'manage_users' },
    ]);

    expect(decisions).toEqual([
      { allowed: false, reason: 'This store is closed or not part of this organisation' },
      { allowed: false, reason: 'Refunds need a manager' },
      { allowed: false, reason: 'Managing staff needs an owner' },
    ]);
  });

  it('sees a role change at once, with nothing to sync', async () => {
    const authorizer = createEmbeddedAuthorizer({ db });
    const question = ask({ userId: 'promoted', action: 'refund', storeId: MAIN });
    await writeTestDocuments(db, 'acme', { staff: [testStaff('promoted', ['cashier'], [MAIN])] });
    const before = await authorizer.check(question);

    await writeTestDocuments(db, 'acme', { staff: [testStaff('promoted', ['manager'], [MAIN])] });
    await authorizer.syncTenant('acme');

    expect(before.allowed).toBe(false);
    expect(await authorizer.check(question)).toEqual({ allowed: true });
  });
});
