import { describe, expect, it } from 'vitest';

import type { PermifyAttribute, PermifyRef, PermifyTuple, TenantModel } from './tenant-model.ts';
import { planTenantSync } from './tenant-sync-plan.ts';

const store = { type: 'store', id: 's' } as const;
const other = { type: 'store', id: 'o' } as const;
const user = (id: string) => ({ type: 'user', id }) as const;
const role = (relation: string, id: string, entity: PermifyRef = store): PermifyTuple => ({
  entity,
  relation,
  subject: user(id),
});
const limit = (attribute: string, value: number, entity: PermifyRef = store): PermifyAttribute => ({
  entity,
  attribute,
  value,
});

describe('planTenantSync', () => {
  it('does nothing when Permify already holds the model', () => {
    const model: TenantModel = { tuples: [role('cashier', 'a')], attributes: [limit('x', 1)] };

    expect(planTenantSync(model, structuredClone(model))).toEqual({
      write: { tuples: [], attributes: [] },
      deletions: [],
    });
  });

  it('writes what is missing or changed and deletes exactly what is gone', () => {
    const current: TenantModel = {
      tuples: [
        role('cashier', 'a'),
        role('cashier', 'b'),
        role('manager', 'a'),
        role('cashier', 'c', other),
      ],
      attributes: [
        limit('cashier_discount_limit', 1),
        limit('owner_discount_limit', 9),
        limit('x', 2, other),
      ],
    };
    const desired: TenantModel = {
      tuples: [role('cashier', 'a'), role('owner', 'd'), role('owner', 'd')],
      attributes: [limit('cashier_discount_limit', 2)],
    };

    const plan = planTenantSync(current, desired);

    expect(plan.write).toEqual({
      tuples: [role('owner', 'd')],
      attributes: [limit('cashier_discount_limit', 2)],
    });
    expect(plan.deletions).toEqual([
      { tuples: { entity: store, relation: 'cashier', subjectType: 'user', subjectIds: ['b'] } },
      { tuples: { entity: store, relation: 'manager', subjectType: 'user', subjectIds: ['a'] } },
      { tuples: { entity: other, relation: 'cashier', subjectType: 'user', subjectIds: ['c'] } },
      { attributes: { entity: store, names: ['owner_discount_limit'] } },
      { attributes: { entity: other, names: ['x'] } },
    ]);
  });

  it('groups the subjects of one entity and relation into one deletion', () => {
    const current: TenantModel = {
      tuples: [role('cashier', 'a'), role('cashier', 'b'), role('cashier', 'keep')],
      attributes: [limit('one', 1), limit('two', 2)],
    };
    const desired: TenantModel = { tuples: [role('cashier', 'keep')], attributes: [] };

    expect(planTenantSync(current, desired).deletions).toEqual([
      {
        tuples: { entity: store, relation: 'cashier', subjectType: 'user', subjectIds: ['a', 'b'] },
      },
      { attributes: { entity: store, names: ['one', 'two'] } },
    ]);
  });
});
