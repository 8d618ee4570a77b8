import { ACTIONS, type AuthzDecision } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Database } from '../db/database.ts';
import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { SETUP_TIMEOUT_MS } from '../testing/setup-timeout.ts';
import type { AuthzQuestion } from './authorizer.ts';
import {
  CLOSED,
  MAIN,
  SECOND,
  TEST_TENANT_DOCUMENTS,
  openTestTenant,
  testStaff,
  testStore,
  writeTestDocuments,
} from './authz-test-tenant.ts';
import { createEmbeddedAuthorizer } from './embedded-authorizer.ts';
import { createPermifyClient } from './permify-client.ts';
import { createPermifyAuthorizer } from './permify-authorizer.ts';
import { freshTenantId, permifyUrlFromEnv } from './permify-test-setup.ts';

const permifyUrl = permifyUrlFromEnv();
if (!process.env['DATABASE_URL']) {
  throw new Error('DATABASE_URL is required: this test reads the tenant from a real Postgres');
}

const USERS = [...TEST_TENANT_DOCUMENTS.staff.map((s) => s.id), 'stranger'];
const WHERE = [undefined, MAIN, SECOND, CLOSED, 'store-unknown'];
const DISCOUNTS = [0, 5_000, 5_001, 10_000, 20_001, 50_000, 100_000];

/** Every user, action and place of the test tenant, discounts at and around each limit. */
function everyQuestion(tenantId: string): AuthzQuestion[] {
  return USERS.flatMap((userId) =>
    WHERE.flatMap((storeId) =>
      ACTIONS.flatMap((action) => {
        const base = { tenantId, userId, action, ...(storeId === undefined ? {} : { storeId }) };
        return action === 'apply_discount'
          ? DISCOUNTS.map((discountMilliPercent) => ({ ...base, discountMilliPercent }))
          : [base];
      }),
    ),
  );
}

describe('the Permify authorizer on a tenant read from Postgres', () => {
  const tenantId = freshTenantId('docs');
  let postgres: FreshPostgres;
  let db: Database;

  beforeAll(async () => {
    postgres = await freshPostgres();
    db = await openTestTenant(tenantId, postgres.url);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await db.close();
    await postgres.drop();
  });

  const compare = async () => {
    const permify = createPermifyAuthorizer({ db, permifyUrl });
    await permify.syncTenant(tenantId);
    const questions = everyQuestion(tenantId);
    const [fromPermify, fromDocuments] = await Promise.all([
      permify.checkMany(questions),
      createEmbeddedAuthorizer({ db }).checkMany(questions),
    ]);
    return { permify, questions, fromPermify, fromDocuments };
  };

  it('agrees with the embedded authorizer on every question, reasons included', async () => {
    const { questions, fromPermify, fromDocuments } = await compare();

    const allowed = fromPermify.filter((d) => d.allowed).length;
    expect(questions.length).toBeGreaterThan(300);
    expect(allowed).toBeGreaterThan(20);
    expect(allowed).toBeLessThan(questions.length - 20);
    expect(fromPermify).toEqual(fromDocuments);
  });

  it('follows a promotion, a closed store and a changed limit after one sync', async () => {
    const permify = createPermifyAuthorizer({ db, permifyUrl });
    await permify.syncTenant(tenantId);
    const ask = (question: Omit<AuthzQuestion, 'tenantId'>) =>
      permify.check({ tenantId, ...question });
    const refund = { userId: 'cashier', action: 'refund', storeId: MAIN } as const;
    const inSecond = { userId: 'roaming', action: 'sell', storeId: SECOND } as const;
    const discount = {
      userId: 'cashier',
      action: 'apply_discount',
      storeId: MAIN,
      discountMilliPercent: 15_000,
    } as const;
    const before: AuthzDecision[] = [await ask(refund), await ask(inSecond), await ask(discount)];

    await writeTestDocuments(db, tenantId, {
      staff: [testStaff('cashier', ['manager'], [MAIN])],
      stores: [
        testStore(MAIN, { discountLimits: { cashier: 20_000, manager: 20_000, owner: 100_000 } }),
        testStore(SECOND, { _deleted: true }),
      ],
    });
    await permify.syncTenant(tenantId);
    const after = [await ask(refund), await ask(inSecond), await ask(discount)];

    expect(before.map((d) => d.allowed)).toEqual([false, true, false]);
    expect(after).toEqual([
      { allowed: true },
      { allowed: false, reason: 'This store is closed or not part of this organisation' },
      { allowed: true },
    ]);
  });

  it('leaves nothing behind of what the documents no longer say', async () => {
    const { fromPermify, fromDocuments } = await compare();
    const held = await createPermifyClient({ url: permifyUrl }).readData(tenantId);

    expect(fromPermify).toEqual(fromDocuments);
    expect(held.tuples.filter((t) => t.entity.id === SECOND || t.subject.id === SECOND)).toEqual(
      [],
    );
    expect(held.attributes.filter((a) => a.entity.id === SECOND)).toEqual([]);
  });
});
