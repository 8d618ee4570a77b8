import { describe, expect, it } from 'vitest';

import { silentLogger } from '../observability/logger.ts';
import type { AuthzQuestion } from './authorizer.ts';
import { permissionCaseFacts } from './permission-case-tenant.ts';
import { permifyAuthorizer } from './permify-authorizer.ts';
import {
  PermifyRequestError,
  type CheckContext,
  type PermifyCheck,
  type PermifyClient,
} from './permify-client.ts';

interface Asked {
  checks: PermifyCheck[];
  context: CheckContext | undefined;
  snapToken: string | undefined;
}

/** A Permify that allows what `allow` says and records what it was asked. */
function fakeClient(allow: (check: PermifyCheck, context?: CheckContext) => boolean) {
  const asked: Asked[] = [];
  let tenantExists = false;
  let writes = 0;
  const client: PermifyClient = {
    createTenant: async () => {
      tenantExists = true;
    },
    writeSchema: async () => 'v1',
    writeData: async () => `token-${(writes += 1)}`,
    deleteData: async () => `token-${(writes += 1)}`,
    readData: async () => ({ tuples: [], attributes: [] }),
    check: async (_tenant, check, context, snapToken) => {
      if (!tenantExists) throw new PermifyRequestError(404, 'ERROR_CODE_SCHEMA_NOT_FOUND');
      asked.push({ checks: [check], context, snapToken });
      return allow(check, context);
    },
    bulkCheck: async (_tenant, checks, context, snapToken) => {
      if (!tenantExists) throw new PermifyRequestError(404, 'ERROR_CODE_SCHEMA_NOT_FOUND');
      asked.push({ checks: [...checks], context, snapToken });
      return checks.map((check) => allow(check, context));
    },
  };
  return { client, asked };
}

function authorizerOn(client: PermifyClient, cacheTtlMs = 0) {
  return permifyAuthorizer({
    client,
    readSchema: async () => 'entity user {}',
    readModel: async () => ({
      tuples: [
        {
          entity: { type: 'store', id: 'store-a' },
          relation: 'cashier',
          subject: { type: 'user', id: 'cashier-a' },
        },
      ],
      attributes: [],
    }),
    loadFacts: async () => permissionCaseFacts(),
    cacheTtlMs,
    logger: silentLogger,
  });
}

const inStoreA = (userId: string, action: AuthzQuestion['action'], discount?: number) => ({
  tenantId: 'tenant-1',
  userId,
  action,
  storeId: 'store-a',
  ...(discount === undefined ? {} : { discountMilliPercent: discount }),
});

describe('the Permify authorizer', () => {
  it('creates a tenant Permify does not know, then answers with the token of its write', async () => {
    const { client, asked } = fakeClient(() => true);

    const decision = await authorizerOn(client).check(inStoreA('cashier-a', 'sell'));

    expect(decision).toEqual({ allowed: true });
    expect(asked).toHaveLength(1);
    expect(asked[0]?.snapToken).toBe('token-1');
  });

  it('sends one bulk check per discount asked, since a bulk check shares one context', async () => {
    const { client, asked } = fakeClient(() => true);
    const authorizer = authorizerOn(client);
    await authorizer.syncTenant('tenant-1');

    const decisions = await authorizer.checkMany([
      inStoreA('cashier-a', 'apply_discount', 5000),
      inStoreA('orgs-cashier', 'sell'),
      inStoreA('manager-a', 'apply_discount', 5000),
      inStoreA('manager-a', 'refund'),
      inStoreA('manager-a', 'apply_discount', 20_000),
    ]);

    expect(decisions.every((d) => d.allowed)).toBe(true);
    const sent = asked.map((a) => [a.context?.['discount'], a.checks.map((c) => c.subject.id)]);
    expect(sent.sort()).toEqual(
      [
        [20_000, ['manager-a']],
        [5000, ['cashier-a', 'manager-a']],
        [undefined, ['orgs-cashier', 'manager-a']],
      ].sort(),
    );
  });

  it("words Permify's refusals as the shared model does", async () => {
    const { client } = fakeClient(() => false);

    const decisions = await authorizerOn(client).checkMany([
      inStoreA('cashier-a', 'refund'),
      inStoreA('cashier-a', 'apply_discount', 10_001),
      inStoreA('org-owner', 'sell'),
    ]);

    expect(decisions).toEqual([
      { allowed: false, reason: 'Refunds need a manager' },
      {
        allowed: false,
        reason: 'A 10.001% discount needs approval: your limit in this store is 10%',
      },
      // The documents allow it; Permify has not caught up with them.
      { allowed: false, reason: 'Not allowed by the permissions of this organisation' },
    ]);
  });

  it('refuses what Permify cannot be asked without asking it', async () => {
    const { client, asked } = fakeClient(() => true);
    const authorizer = authorizerOn(client);

    const decisions = await authorizer.checkMany([
      { tenantId: 'tenant-1', userId: 'org-owner', action: 'sell' },
      inStoreA('org-owner', 'apply_discount'),
      inStoreA('org-owner', 'apply_discount', 1.5),
    ]);

    expect(decisions).toEqual([
      { allowed: false, reason: 'Choose a store first' },
      { allowed: false, reason: 'That is not a discount' },
      { allowed: false, reason: 'That is not a discount' },
    ]);
    expect(asked).toEqual([]);
  });

  it('reuses an answer until the tenant is synced again', async () => {
    const { client, asked } = fakeClient(() => true);
    const authorizer = authorizerOn(client, 60_000);
    const question = inStoreA('cashier-a', 'sell');

    await authorizer.check(question);
    await authorizer.check(question);
    const cachedAsks = asked.length;
    await authorizer.syncTenant('tenant-1');
    await authorizer.check(question);

    expect(cachedAsks).toBe(1);
    expect(asked).toHaveLength(2);
    expect(asked[1]?.snapToken).toBe('token-2');
  });
});
