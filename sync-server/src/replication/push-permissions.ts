import { collections, type CollectionName, type Role } from '@pos/shared';

import type { AuthContext } from '../auth/auth-context.ts';
import { hasAnyRole } from '../auth/require-role.ts';

/**
 * Who may push to a collection. Tills write what happens at the counter; the catalogue is the
 * back office's; stores, devices and staff (whose roles the embedded issuer puts in tokens)
 * are the owner's alone. TODO(#4): Permify decides this per store.
 */
const backOfficeWriters: Partial<Record<CollectionName, readonly Role[]>> = {
  products: ['manager', 'owner'],
  categories: ['manager', 'owner'],
  tax_rates: ['manager', 'owner'],
  stores: ['owner'],
  devices: ['owner'],
  staff: ['owner'],
};

export function mayPush(auth: AuthContext, collection: CollectionName): boolean {
  if (collections[collection].tillWrites) return auth.roles.length > 0;
  return hasAnyRole(auth, backOfficeWriters[collection] ?? []);
}
