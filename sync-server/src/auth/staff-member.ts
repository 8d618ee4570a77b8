import { staffSchema, type AuthzSubject, type Staff } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { readMaster } from '../replication/read-masters.ts';

/** A live staff member of the tenant, or undefined for an unknown or removed id. */
export async function loadStaffMember(
  tx: Queryable,
  tenantId: string,
  staffId: string,
): Promise<Staff | undefined> {
  const parsed = staffSchema.safeParse(await readMaster(tx, tenantId, 'staff', staffId));
  return parsed.success && !parsed.data._deleted ? parsed.data : undefined;
}

/**
 * The staff document as the permission model sees it: an owner runs every store of the
 * tenant; any other role holds in the stores the member is assigned to (`storeIds`) only.
 * The embedded authorizer decides with it, and the Permify sync writes the same relationships.
 */
export function staffSubject(staff: Staff): AuthzSubject {
  const tenantRoles = staff.roles.filter((role) => role === 'owner');
  const storeRoles = Object.fromEntries(staff.storeIds.map((storeId) => [storeId, staff.roles]));
  return { userId: staff.id, tenantRoles, storeRoles };
}
