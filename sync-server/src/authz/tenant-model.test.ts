import { describe, expect, it } from 'vitest';

import { CLOSED, MAIN, SECOND, TEST_TENANT_DOCUMENTS } from './authz-test-tenant.ts';
import { tenantModel, tenantModelFromDocuments, tupleKey, attributeKey } from './tenant-model.ts';

function live<T extends { _deleted: boolean }>(documents: T[]): T[] {
  return documents.filter((document) => !document._deleted);
}

describe('tenantModelFromDocuments', () => {
  const model = tenantModelFromDocuments('acme', {
    stores: live(TEST_TENANT_DOCUMENTS.stores),
    staff: live(TEST_TENANT_DOCUMENTS.staff),
    devices: live(TEST_TENANT_DOCUMENTS.devices),
  });
  const tuples = model.tuples.map(tupleKey).sort();

  it('writes the owner tenant-wide and every other role in the assigned live stores', () => {
    expect(tuples).toEqual(
      [
        'device:device-main#store@store:store-main',
        'organization:acme#owner@user:owner',
        `store:${MAIN}#cashier@user:cashier`,
        `store:${MAIN}#cashier@user:roaming`,
        `store:${MAIN}#manager@user:manager`,
        `store:${MAIN}#org@organization:acme`,
        `store:${SECOND}#cashier@user:roaming`,
        `store:${SECOND}#org@organization:acme`,
      ].sort(),
    );
  });

  it("writes each live store's limits as integer attributes", () => {
    const limits = model.attributes.map((a) => `${attributeKey(a)}=${a.value}`).sort();

    expect(limits).toEqual([
      `store:${MAIN}$cashier_discount_limit=10000`,
      `store:${MAIN}$manager_discount_limit=50000`,
      `store:${MAIN}$owner_discount_limit=100000`,
      `store:${SECOND}$cashier_discount_limit=5000`,
      `store:${SECOND}$manager_discount_limit=20000`,
      `store:${SECOND}$owner_discount_limit=50000`,
    ]);
  });
});

describe('tenantModel', () => {
  it('gives a member with a role twice one relationship, and none in a store that is not live', () => {
    const model = tenantModel({
      tenantId: 't',
      subjects: [
        {
          userId: 'u',
          tenantRoles: ['manager', 'manager'],
          storeRoles: { s: ['cashier', 'cashier'], [CLOSED]: ['owner'] },
        },
      ],
      stores: [{ id: 's', discountLimits: { cashier: 0, manager: 0, owner: 0 } }],
      devices: [{ id: 'd', storeId: CLOSED }],
    });

    expect(model.tuples.map(tupleKey).sort()).toEqual([
      'organization:t#manager@user:u',
      'store:s#cashier@user:u',
      'store:s#org@organization:t',
    ]);
    expect(model.attributes.map((a) => a.value)).toEqual([0, 0, 0]);
  });
});
