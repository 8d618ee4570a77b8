import { collections, type CollectionName, type TenantWideAction } from '@pos/shared';

import type { AuthContext } from '../auth/auth-context.ts';
import { decide } from '../auth/authorize-tenant.ts';

/**
 * What pushing to a back-office collection amounts to in the permission model. Staff matter
 * most: the embedded issuer puts a staff document's roles into tokens.
 */
const backOfficeActions: Partial<Record<CollectionName, TenantWideAction>> = {
  products: 'edit_catalog',
  categories: 'edit_catalog',
  tax_rates: 'edit_catalog',
  stores: 'manage_stores',
  devices: 'manage_stores',
  staff: 'manage_users',
  // Receiving and counting stock is back-office work; a sale's movements the server derives.
  stock_movements: 'edit_catalog',
};

/**
 * Tills push what happens at the counter for any signed-in member: a refund or a discount
 * there was approved on the till with a manager's PIN while maybe offline, so the token of
 * whoever is signed in cannot decide it. TODO(#4): check sell/refund per store with Permify.
 */
export function mayPush(auth: AuthContext, collection: CollectionName): boolean {
  if (collections[collection].tillWrites) return auth.roles.length > 0;
  const action = backOfficeActions[collection];
  return action !== undefined && decide(auth, action).allowed;
}
