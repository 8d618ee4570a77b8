import { describe, expect, it } from 'vitest';

import { sampleStore } from '../data/testing/sample-documents.ts';
import { permissionSnapshot } from './permission-snapshot.ts';

const store = {
  id: sampleStore.id,
  discountLimits: { cashier: 10_000, manager: 30_000, owner: 100_000 },
};

describe('permissionSnapshot', () => {
  it('lets a cashier sell but not refund, with the reason the shared model gives', () => {
    const snapshot = permissionSnapshot(
      { userId: 'staff-cashier', tenantId: 'demo', roles: ['cashier'] },
      store,
    );

    expect(snapshot.decisions.sell).toEqual({ allowed: true });
    expect(snapshot.decisions.refund).toEqual({
      allowed: false,
      reason: 'Refunds need a manager',
    });
    expect(snapshot.decisions.view_reports.allowed).toBe(false);
    expect(snapshot.discountLimit).toBe(10_000);
    expect(snapshot.storeId).toBe(sampleStore.id);
  });

  it('gives a manager refunds and the larger of the cashier and manager limits', () => {
    const manager = { userId: 'staff-manager', tenantId: 'demo', roles: ['manager'] as const };

    expect(permissionSnapshot(manager, store).decisions.refund).toEqual({ allowed: true });
    expect(
      permissionSnapshot(manager, {
        ...store,
        discountLimits: { cashier: 20_000, manager: 5_000, owner: 0 },
      }).discountLimit,
    ).toBe(20_000);
  });

  it('gives someone without a role nothing', () => {
    const snapshot = permissionSnapshot({ userId: 'x', tenantId: 'demo', roles: [] }, store);

    expect(snapshot.decisions.sell.allowed).toBe(false);
    expect(snapshot.discountLimit).toBe(0);
  });
});
