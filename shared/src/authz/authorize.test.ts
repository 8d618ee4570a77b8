import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { roleSchema, type Role } from '../documents/common.ts';
import { ACTIONS, isStoreOnlyAction } from './actions.ts';
import { authorize, type AuthorizeInput, type AuthzSubject } from './authorize.ts';
import {
  CASE_STORES,
  CASE_TENANT_ID,
  PERMISSION_CASES,
  CASE_STORE_A,
  CASE_STORE_B,
  type PermissionCase,
} from './permission-cases.ts';
import { ROLE_LADDER, roleRank } from './role-ladder.ts';

function inputFor(c: PermissionCase): AuthorizeInput {
  if (c.storeId === null) {
    return { subject: c.subject, action: c.action, tenantId: CASE_TENANT_ID };
  }

  const store = CASE_STORES[c.storeId];
  return {
    subject: c.subject,
    action: c.action,
    tenantId: CASE_TENANT_ID,
    storeId: c.storeId,
    ...(store === undefined ? {} : { store }),
    ...(c.discountMilliPercent === undefined
      ? {}
      : { discountMilliPercent: c.discountMilliPercent }),
  };
}

describe('the shared permission cases', () => {
  it.each(PERMISSION_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(authorize(inputFor(c)).allowed).toBe(c.expected);
  });

  it('can be loaded into one Permify tenant: unique names, one role set per user id', () => {
    const names = new Set(PERMISSION_CASES.map((c) => c.name));
    const subjects = new Map<string, AuthzSubject>();
    for (const c of PERMISSION_CASES) {
      expect(subjects.get(c.subject.userId) ?? c.subject).toEqual(c.subject);
      subjects.set(c.subject.userId, c.subject);
    }

    expect(names.size).toBe(PERMISSION_CASES.length);
    expect(PERMISSION_CASES.length).toBeGreaterThanOrEqual(30);
    expect(PERMISSION_CASES.length).toBeLessThanOrEqual(60);
  });

  it('asks every action of a store, and only tenant-wide ones of the tenant', () => {
    const asked = new Set(PERMISSION_CASES.filter((c) => c.storeId !== null).map((c) => c.action));
    const tenantWide = PERMISSION_CASES.filter((c) => c.storeId === null);

    expect([...asked].sort()).toEqual([...ACTIONS].sort());
    expect(tenantWide.filter((c) => isStoreOnlyAction(c.action))).toEqual([]);
  });
});

describe('authorize', () => {
  const limits = { cashier: 10_000, manager: 30_000, owner: 100_000 };
  const cashier: AuthzSubject = { userId: 'u', tenantRoles: ['cashier'], storeRoles: {} };
  const base = { tenantId: 't', storeId: 's', store: { discountLimits: limits } };

  it('says who can help when a role is missing', () => {
    expect(authorize({ ...base, subject: cashier, action: 'refund' })).toEqual({
      allowed: false,
      reason: 'Refunds need a manager',
    });
    expect(authorize({ ...base, subject: cashier, action: 'manage_users' })).toEqual({
      allowed: false,
      reason: 'Managing staff needs an owner',
    });
  });

  it('gives the asked and the allowed discount when it is over the limit', () => {
    const over = authorize({
      ...base,
      subject: cashier,
      action: 'apply_discount',
      discountMilliPercent: 12_500,
    });

    expect(over).toEqual({
      allowed: false,
      reason: 'A 12.5% discount needs approval: your limit in this store is 10%',
    });
  });

  it('refuses a till action asked without a store, and discounts it cannot check', () => {
    const owner: AuthzSubject = { userId: 'u', tenantRoles: ['owner'], storeRoles: {} };
    const discountOf = (value: number) => ({
      action: 'apply_discount' as const,
      subject: owner,
      discountMilliPercent: value,
    });

    expect(authorize({ subject: owner, action: 'sell', tenantId: 't' })).toEqual({
      allowed: false,
      reason: 'Choose a store first',
    });
    expect(authorize({ ...discountOf(0), tenantId: 't', storeId: 's' }).allowed).toBe(false);
    expect(authorize({ ...base, ...discountOf(-1) }).allowed).toBe(false);
    expect(authorize({ ...base, ...discountOf(Number.NaN) }).allowed).toBe(false);
    expect(authorize({ ...base, subject: owner, action: 'apply_discount' }).allowed).toBe(false);
  });

  it('lets a manager give what a cashier may, even where the cashier limit is higher', () => {
    const manager: AuthzSubject = { userId: 'u', tenantRoles: ['manager'], storeRoles: {} };
    const store = { discountLimits: { cashier: 20_000, manager: 10_000, owner: 0 } };

    const decision = authorize({
      ...base,
      store,
      subject: manager,
      action: 'apply_discount',
      discountMilliPercent: 20_000,
    });

    expect(decision).toEqual({ allowed: true });
  });

  it('finds no roles for a store id that names an Object member', () => {
    const noRoles: AuthzSubject = { userId: 'u', tenantRoles: [], storeRoles: {} };

    const asCashier = authorize({
      ...base,
      storeId: 'constructor',
      subject: cashier,
      action: 'sell',
    });
    const asNobody = authorize({ ...base, storeId: 'toString', subject: noRoles, action: 'sell' });

    expect(asCashier.allowed).toBe(true);
    expect(asNobody.allowed).toBe(false);
  });

  it('ranks every role there is', () => {
    expect([...ROLE_LADDER].sort()).toEqual([...roleSchema.options].sort());
  });
});

describe('authorize properties', () => {
  const storeIds = [CASE_STORE_A, CASE_STORE_B, 'constructor'] as const;
  const roleSetArb = fc.subarray([...ROLE_LADDER]);
  const milliArb = fc.integer({ min: 0, max: 100_000 });
  const subjectArb = fc.record({
    userId: fc.constant('u'),
    tenantRoles: roleSetArb,
    storeRoles: fc.dictionary(fc.constantFrom(...storeIds), roleSetArb),
  });
  const requestArb = fc.record({
    // Weighted to discounts, the one action whose answer also depends on numbers.
    action: fc.oneof(fc.constantFrom(...ACTIONS), fc.constant('apply_discount' as const)),
    storeId: fc.option(fc.constantFrom(...storeIds), { nil: undefined }),
    // Negative amounts are refused outright (tested above), so raising one may well allow it.
    discount: fc.integer({ min: 0, max: 105_000 }),
    limits: fc.record({ cashier: milliArb, manager: milliArb, owner: milliArb }),
  });
  type Request = typeof requestArb extends fc.Arbitrary<infer R> ? R : never;

  function allowed(subject: AuthzSubject, r: Request, discount = r.discount): boolean {
    return authorize({
      subject,
      action: r.action,
      tenantId: 't',
      ...(r.storeId === undefined ? {} : { storeId: r.storeId }),
      discountMilliPercent: discount,
      store: { discountLimits: r.limits },
    }).allowed;
  }

  /** The subject with one more role, held tenant-wide or in one store. */
  function withRole(subject: AuthzSubject, role: Role, where: string | null): AuthzSubject {
    if (where === null) {
      return { ...subject, tenantRoles: [...subject.tenantRoles, role] };
    }
    const held = Object.hasOwn(subject.storeRoles, where) ? (subject.storeRoles[where] ?? []) : [];
    return { ...subject, storeRoles: { ...subject.storeRoles, [where]: [...held, role] } };
  }

  it('never gives a higher role fewer permissions than a lower one', () => {
    const roleArb = fc.constantFrom(...ROLE_LADDER);
    const whereArb = fc.option(fc.constantFrom(...storeIds), { nil: null });
    const noRoles: AuthzSubject = { userId: 'u', tenantRoles: [], storeRoles: {} };

    fc.assert(
      fc.property(requestArb, roleArb, roleArb, whereArb, (r, a, b, where) => {
        const [lower, higher] = roleRank(a) <= roleRank(b) ? [a, b] : [b, a];
        if (allowed(withRole(noRoles, lower, where), r)) {
          expect(allowed(withRole(noRoles, higher, where), r)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never takes a permission away when a role is added', () => {
    const roleArb = fc.constantFrom(...ROLE_LADDER);
    const whereArb = fc.option(fc.constantFrom(...storeIds), { nil: null });

    fc.assert(
      fc.property(subjectArb, requestArb, roleArb, whereArb, (s, r, role, where) => {
        if (allowed(s, r)) {
          expect(allowed(withRole(s, role, where), r)).toBe(true);
        }
      }),
    );
  });

  it('never turns a refused discount into an allowed one by raising it', () => {
    fc.assert(
      fc.property(subjectArb, requestArb, milliArb, (s, r, raise) => {
        if (!allowed(s, r)) {
          expect(allowed(s, r, r.discount + raise)).toBe(false);
        }
      }),
    );
  });

  it("answers a store's question the same whatever roles are held in other stores", () => {
    fc.assert(
      fc.property(subjectArb, requestArb, roleSetArb, (s, r, otherRoles) => {
        const other = storeIds.find((id) => id !== r.storeId) ?? CASE_STORE_A;
        const changed = { ...s, storeRoles: { ...s.storeRoles, [other]: otherRoles } };
        expect(allowed(changed, r)).toBe(allowed(s, r));
      }),
    );
  });
});
