import type { AuthzSubject, Role, Staff } from '@pos/shared';

/**
 * A staff document as the permission model sees it, as the server reads it: an owner runs
 * every store of the tenant, any other role holds in the member's own stores only.
 */
export function staffSubject(staff: Pick<Staff, 'id' | 'roles' | 'storeIds'>): AuthzSubject {
  const tenantRoles = staff.roles.filter((role) => role === 'owner');
  const storeRoles = Object.fromEntries(staff.storeIds.map((storeId) => [storeId, staff.roles]));
  return { userId: staff.id, tenantRoles, storeRoles };
}

/** The cashier at the till, whose roles the session already read for this store. */
export function cashierSubject(cashier: { id: string; roles: readonly Role[] }, storeId: string) {
  return { userId: cashier.id, tenantRoles: [], storeRoles: { [storeId]: cashier.roles } };
}
