import { readFile } from 'node:fs/promises';

import { PERMISSION_CASES, type AuthzSubject } from '@pos/shared';
import { beforeAll, describe, expect, it } from 'vitest';

import { ApiError } from '../http/api-error.ts';
import { silentLogger } from '../observability/logger.ts';
import type { AuthzQuestion } from './authorizer.ts';
import { factsAuthorizer } from './embedded-authorizer.ts';
import { createPermifyClient } from './permify-client.ts';
import {
  DEFAULT_SCHEMA_PATH,
  createPermifyAuthorizer,
  permifyAuthorizer,
} from './permify-authorizer.ts';
import {
  caseQuestion,
  permissionCaseFacts,
  permissionCaseModel,
} from './permission-case-tenant.ts';
import { closedPort, freshTenantId, permifyUrlFromEnv } from './permify-test-setup.ts';
import { tenantModel } from './tenant-model.ts';

const permifyUrl = permifyUrlFromEnv();
const client = createPermifyClient({ url: permifyUrl, timeoutMs: 10_000 });
const readSchema = () => readFile(DEFAULT_SCHEMA_PATH, 'utf8');

describe('the shared permission cases against a real Permify', () => {
  const tenantId = freshTenantId('cases');
  const embedded = factsAuthorizer(async () => permissionCaseFacts());
  const permify = permifyAuthorizer({
    client,
    readSchema,
    readModel: async () => permissionCaseModel(tenantId),
    loadFacts: async () => permissionCaseFacts(),
    cacheTtlMs: 0,
    logger: silentLogger,
  });

  beforeAll(async () => {
    await permify.syncTenant(tenantId);
  });

  it.each(PERMISSION_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const allowed = await client.check(
      tenantId,
      {
        entity:
          c.storeId === null
            ? { type: 'organization', id: tenantId }
            : { type: 'store', id: c.storeId },
        permission: c.action,
        subject: { type: 'user', id: c.subject.userId },
      },
      c.storeId !== null && c.discountMilliPercent !== undefined
        ? { discount: c.discountMilliPercent }
        : undefined,
    );

    expect(allowed).toBe(c.expected);
  });

  it('answers the whole table in bulk exactly as the embedded authorizer, reasons included', async () => {
    const questions = PERMISSION_CASES.map((c) => caseQuestion(c, tenantId));

    const [fromPermify, fromDocuments] = await Promise.all([
      permify.checkMany(questions),
      embedded.checkMany(questions),
    ]);

    expect(fromPermify.map((d) => d.allowed)).toEqual(PERMISSION_CASES.map((c) => c.expected));
    expect(fromPermify).toEqual(fromDocuments);
  });

  it('asked again, rewrites nothing and answers the same', async () => {
    const questions = PERMISSION_CASES.map((c) => caseQuestion(c, tenantId));
    const before = await client.readData(tenantId);

    await permify.syncTenant(tenantId);

    expect(await client.readData(tenantId)).toEqual(before);
    expect((await permify.checkMany(questions)).map((d) => d.allowed)).toEqual(
      PERMISSION_CASES.map((c) => c.expected),
    );
  });
});

describe('read after write', () => {
  it('sees a relationship written a moment ago, through the snap token', async () => {
    const tenantId = freshTenantId('snap');
    await client.createTenant(tenantId);
    await client.writeSchema(tenantId, await readSchema());
    const check = {
      entity: { type: 'store', id: 'store-a' },
      permission: 'refund',
      subject: { type: 'user', id: 'new-manager' },
    } as const;
    const before = await client.check(tenantId, check);

    const snapToken = await client.writeData(tenantId, {
      tuples: [{ entity: check.entity, relation: 'manager', subject: check.subject }],
      attributes: [],
    });

    expect(before).toBe(false);
    expect(snapToken).toEqual(expect.any(String));
    expect(await client.check(tenantId, check, undefined, snapToken)).toBe(true);
  });

  it('answers from the new roles right after syncTenant, though the old answer was cached', async () => {
    const tenantId = freshTenantId('sync');
    const staff: AuthzSubject[] = [
      { userId: 'u', tenantRoles: [], storeRoles: { s: ['cashier'] } },
    ];
    const model = () =>
      tenantModel({
        tenantId,
        subjects: staff,
        stores: [{ id: 's', discountLimits: { cashier: 0, manager: 0, owner: 0 } }],
        devices: [],
      });
    const authorizer = permifyAuthorizer({
      client,
      readSchema,
      readModel: async () => model(),
      loadFacts: async () => ({
        subjects: new Map(staff.map((s) => [s.userId, s])),
        stores: new Map([['s', { discountLimits: { cashier: 0, manager: 0, owner: 0 } }]]),
      }),
      cacheTtlMs: 60_000,
      logger: silentLogger,
    });
    const refund: AuthzQuestion = { tenantId, userId: 'u', action: 'refund', storeId: 's' };
    await authorizer.syncTenant(tenantId);
    const before = await authorizer.check(refund);

    staff[0] = { userId: 'u', tenantRoles: [], storeRoles: { s: ['manager'] } };
    await authorizer.syncTenant(tenantId);

    expect(before).toEqual({ allowed: false, reason: 'Refunds need a manager' });
    expect(await authorizer.check(refund)).toEqual({ allowed: true });
    expect((await client.readData(tenantId)).tuples).toHaveLength(2);
  });
});

describe('Permify down', () => {
  it('answers unavailable, so the caller writes nothing and the till retries', async () => {
    const port = await closedPort();
    const authorizer = createPermifyAuthorizer({
      db: { query: () => Promise.reject(new Error('not reached')) },
      permifyUrl: `http://127.0.0.1:${port}`,
    });
    const question: AuthzQuestion = { tenantId: 't', userId: 'u', action: 'sell', storeId: 's' };

    const failures = await Promise.allSettled([
      authorizer.check(question),
      authorizer.checkMany([question, { ...question, action: 'refund' }]),
      authorizer.syncTenant('t'),
    ]);

    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      const reason = failure.status === 'rejected' ? (failure.reason as unknown) : undefined;
      expect(reason).toBeInstanceOf(ApiError);
      expect(reason).toMatchObject({
        kind: 'unavailable',
        message: 'permission service unreachable, retry later',
      });
    }
  });
});
