import { hashPin, type Staff } from '@pos/shared';
import { beforeAll, describe, expect, it } from 'vitest';

import { findApprover } from './find-approver.ts';

const scope = {
  tenantId: 'demo',
  store: { id: 'store-main', discountLimits: { cashier: 10_000, manager: 50_000, owner: 100_000 } },
};

function member(
  id: string,
  roles: Staff['roles'],
  pinHash: string | null,
  storeIds = ['store-main'],
): Staff {
  return {
    id,
    updatedAt: '2025-03-01T09:00:00.000Z',
    _deleted: false,
    displayName: id,
    email: `${id}@demo.test`,
    roles,
    storeIds,
    pinHash,
  };
}

let staff: Staff[];

beforeAll(async () => {
  // Few iterations: the fixtures only need to be real hashes, not slow ones.
  const hash = (pin: string) => hashPin(pin, 1000);
  staff = [
    member('cashier', ['cashier'], await hash('1234')),
    member('manager', ['manager'], await hash('9999')),
    member('elsewhere', ['manager'], await hash('5555'), ['store-other']),
    member('owner', ['owner'], await hash('7777'), []),
  ];
});

describe('findApprover', () => {
  it('finds the manager whose PIN it is', async () => {
    expect(await findApprover('9999', staff, { action: 'refund' }, scope)).toEqual({
      ok: true,
      approver: { id: 'manager', displayName: 'manager' },
    });
  });

  it('never lets a cashier approve a refund, even with their own PIN', async () => {
    expect(await findApprover('1234', staff, { action: 'refund' }, scope)).toMatchObject({
      ok: false,
    });
  });

  it('ignores a manager of another store, but an owner approves everywhere', async () => {
    expect((await findApprover('5555', staff, { action: 'refund' }, scope)).ok).toBe(false);
    expect(await findApprover('7777', staff, { action: 'refund' }, scope)).toMatchObject({
      ok: true,
      approver: { id: 'owner' },
    });
  });

  it('approves a discount only for someone whose limit covers it', async () => {
    const big = { action: 'apply_discount', discountMilliPercent: 60_000 } as const;
    const fair = { action: 'apply_discount', discountMilliPercent: 30_000 } as const;

    expect((await findApprover('9999', staff, big, scope)).ok).toBe(false);
    expect((await findApprover('7777', staff, big, scope)).ok).toBe(true);
    expect((await findApprover('9999', staff, fair, scope)).ok).toBe(true);
  });

  it('refuses something that is not a PIN without checking any hash', async () => {
    const none = () => Promise.reject(new Error('no hash should be checked'));
    expect(await findApprover('12', staff, { action: 'refund' }, scope, none)).toMatchObject({
      ok: false,
      message: 'Enter a manager PIN (4 to 8 digits)',
    });
  });
});
