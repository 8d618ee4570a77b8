import type { Role } from '../documents/common.ts';
import type { Store } from '../documents/organisation.ts';
import type { Action, TenantWideAction } from './actions.ts';
import type { AuthzSubject } from './authorize.ts';

/**
 * One tenant with two stores whose limits differ, so a case can tell "the limit of this store"
 * from "a limit of some store". Both the pure authorizer and a real Permify answer this table;
 * deploy/permify/README.md says which relationships and attributes it needs.
 */
export const CASE_TENANT_ID = 'tenant-1';
export const CASE_STORE_A = 'store-a';
export const CASE_STORE_B = 'store-b';

export const CASE_STORES: Readonly<Record<string, Pick<Store, 'discountLimits'>>> = {
  [CASE_STORE_A]: { discountLimits: { cashier: 10_000, manager: 25_000, owner: 100_000 } },
  [CASE_STORE_B]: { discountLimits: { cashier: 5_000, manager: 20_000, owner: 50_000 } },
};

interface CaseBase {
  name: string;
  subject: AuthzSubject;
  expected: boolean;
}

/** Asked about one store: entity `store:<storeId>` in Permify. */
export interface StoreCase extends CaseBase {
  action: Action;
  storeId: string;
  discountMilliPercent?: number;
}

/** Asked about the whole tenant: entity `organization:<tenantId>` in Permify. */
export interface TenantCase extends CaseBase {
  action: TenantWideAction;
  storeId: null;
}

export type PermissionCase = StoreCase | TenantCase;

type Outcome = 'allow' | 'deny';

function staff(
  userId: string,
  tenantRoles: Role[],
  storeRoles: Record<string, Role[]> = {},
): AuthzSubject {
  return { userId, tenantRoles, storeRoles };
}

function inStore(
  subject: AuthzSubject,
  action: Action,
  storeId: string,
  outcome: Outcome,
): StoreCase {
  const name = `${subject.userId}: ${action} in ${storeId}`;
  return { name, subject, action, storeId, expected: outcome === 'allow' };
}

function tenantWide(subject: AuthzSubject, action: TenantWideAction, outcome: Outcome): TenantCase {
  const name = `${subject.userId}: ${action} tenant-wide`;
  return { name, subject, action, storeId: null, expected: outcome === 'allow' };
}

function discount(
  subject: AuthzSubject,
  storeId: string,
  discountMilliPercent: number,
  outcome: Outcome,
): StoreCase {
  const name = `${subject.userId}: ${discountMilliPercent / 1000}% discount in ${storeId}`;
  const action = 'apply_discount';
  return { name, subject, action, storeId, discountMilliPercent, expected: outcome === 'allow' };
}

// One subject per user id, so Permify can hold every case's relationships at once.
const orgCashier = staff('org-cashier', ['cashier']);
const orgManager = staff('org-manager', ['manager']);
const orgOwner = staff('org-owner', ['owner']);
const cashierA = staff('cashier-a', [], { [CASE_STORE_A]: ['cashier'] });
const managerA = staff('manager-a', [], { [CASE_STORE_A]: ['manager'] });
const ownerA = staff('owner-a', [], { [CASE_STORE_A]: ['owner'] });
const nobody = staff('nobody', []);
// A cashier everywhere who also manages store A.
const mixed = staff('mixed', ['cashier'], { [CASE_STORE_A]: ['manager'] });

export const PERMISSION_CASES: readonly PermissionCase[] = [
  // Every tenant role against every action, in store A.
  inStore(orgCashier, 'sell', CASE_STORE_A, 'allow'),
  inStore(orgCashier, 'refund', CASE_STORE_A, 'deny'),
  inStore(orgCashier, 'void', CASE_STORE_A, 'deny'),
  inStore(orgCashier, 'edit_catalog', CASE_STORE_A, 'deny'),
  inStore(orgCashier, 'view_reports', CASE_STORE_A, 'deny'),
  inStore(orgCashier, 'manage_users', CASE_STORE_A, 'deny'),
  inStore(orgCashier, 'manage_stores', CASE_STORE_A, 'deny'),
  inStore(orgManager, 'sell', CASE_STORE_A, 'allow'),
  inStore(orgManager, 'refund', CASE_STORE_A, 'allow'),
  inStore(orgManager, 'void', CASE_STORE_A, 'allow'),
  inStore(orgManager, 'edit_catalog', CASE_STORE_A, 'allow'),
  inStore(orgManager, 'view_reports', CASE_STORE_A, 'allow'),
  inStore(orgManager, 'manage_users', CASE_STORE_A, 'deny'),
  inStore(orgManager, 'manage_stores', CASE_STORE_A, 'deny'),
  inStore(orgOwner, 'sell', CASE_STORE_A, 'allow'),
  inStore(orgOwner, 'refund', CASE_STORE_A, 'allow'),
  inStore(orgOwner, 'void', CASE_STORE_A, 'allow'),
  inStore(orgOwner, 'edit_catalog', CASE_STORE_A, 'allow'),
  inStore(orgOwner, 'view_reports', CASE_STORE_A, 'allow'),
  inStore(orgOwner, 'manage_users', CASE_STORE_A, 'allow'),
  inStore(orgOwner, 'manage_stores', CASE_STORE_A, 'allow'),

  // Tenant-wide questions: only tenant roles count.
  tenantWide(orgCashier, 'edit_catalog', 'deny'),
  tenantWide(orgManager, 'edit_catalog', 'allow'),
  tenantWide(orgManager, 'view_reports', 'allow'),
  tenantWide(orgManager, 'manage_users', 'deny'),
  tenantWide(orgOwner, 'manage_users', 'allow'),
  tenantWide(orgOwner, 'manage_stores', 'allow'),
  tenantWide(managerA, 'view_reports', 'deny'),
  tenantWide(ownerA, 'manage_stores', 'deny'),

  // Store roles count in their own store only.
  inStore(cashierA, 'sell', CASE_STORE_A, 'allow'),
  inStore(cashierA, 'sell', CASE_STORE_B, 'deny'),
  inStore(cashierA, 'refund', CASE_STORE_A, 'deny'),
  inStore(managerA, 'refund', CASE_STORE_A, 'allow'),
  inStore(managerA, 'refund', CASE_STORE_B, 'deny'),
  inStore(managerA, 'void', CASE_STORE_A, 'allow'),
  inStore(managerA, 'edit_catalog', CASE_STORE_A, 'allow'),
  inStore(managerA, 'manage_users', CASE_STORE_A, 'deny'),
  inStore(ownerA, 'manage_users', CASE_STORE_A, 'allow'),
  inStore(ownerA, 'manage_stores', CASE_STORE_B, 'deny'),
  inStore(nobody, 'sell', CASE_STORE_A, 'deny'),
  inStore(mixed, 'refund', CASE_STORE_A, 'allow'),
  inStore(mixed, 'refund', CASE_STORE_B, 'deny'),
  inStore(mixed, 'sell', CASE_STORE_B, 'allow'),

  // Discounts at, below and above each threshold, held to the limit of the store asked about.
  discount(cashierA, CASE_STORE_A, 0, 'allow'),
  discount(cashierA, CASE_STORE_A, 9_999, 'allow'),
  discount(cashierA, CASE_STORE_A, 10_000, 'allow'),
  discount(cashierA, CASE_STORE_A, 10_001, 'deny'),
  discount(cashierA, CASE_STORE_B, 1_000, 'deny'),
  discount(orgCashier, CASE_STORE_B, 5_000, 'allow'),
  discount(orgCashier, CASE_STORE_B, 5_001, 'deny'),
  discount(managerA, CASE_STORE_A, 25_000, 'allow'),
  discount(managerA, CASE_STORE_A, 25_001, 'deny'),
  discount(managerA, CASE_STORE_A, 100_000, 'deny'),
  discount(orgOwner, CASE_STORE_A, 100_000, 'allow'),
  discount(orgOwner, CASE_STORE_B, 50_000, 'allow'),
  discount(orgOwner, CASE_STORE_B, 50_001, 'deny'),
  discount(orgOwner, CASE_STORE_B, 100_000, 'deny'),
  discount(nobody, CASE_STORE_A, 0, 'deny'),
  discount(mixed, CASE_STORE_A, 25_000, 'allow'),
  discount(mixed, CASE_STORE_B, 5_001, 'deny'),
];
