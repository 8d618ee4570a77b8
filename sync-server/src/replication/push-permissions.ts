import { collections, type CollectionName, type TenantWideAction } from '@pos/shared';

import type { AuthContext } from '../auth/auth-context.ts';
import {
  askAbout,
  permittedScope,
  requireAnyOf,
  requireStaffMember,
  type AuthzDeps,
} from '../auth/authorize-tenant.ts';

interface BackOfficeGate {
  action: TenantWideAction;
  /** Only a tenant-wide holder may push at all; otherwise a holder in some store may. */
  tenantWide: boolean;
}

/** What pushing to a back-office collection amounts to in the permission model. */
const backOfficeGates: Partial<Record<CollectionName, BackOfficeGate>> = {
  // The catalogue is shared by the stores: a manager of any store keeps it up.
  products: { action: 'edit_catalog', tenantWide: false },
  categories: { action: 'edit_catalog', tenantWide: false },
  tax_rates: { action: 'edit_catalog', tenantWide: false },
  // Receiving and counting stock; each movement is also asked about its own store.
  stock_movements: { action: 'edit_catalog', tenantWide: false },
  // Each store and till is also asked about its own store (organisation-push-rules.ts).
  stores: { action: 'manage_stores', tenantWide: false },
  devices: { action: 'manage_stores', tenantWide: false },
  // The embedded issuer puts a staff document's roles into tokens, and an owner role holds in
  // every store: only an owner of the organisation may write one.
  staff: { action: 'manage_users', tenantWide: true },
};

/**
 * Whether the caller may push to the collection at all, before any row is looked at; a refusal
 * fails the whole push. Tills push what happens at the counter for any live staff member of
 * the tenant: each sale is then checked for its own cashier and approvers, who may not be the
 * one signed in, as a manager's PIN approves on the till while maybe offline.
 */
export async function requirePushPermission(
  deps: AuthzDeps,
  auth: AuthContext,
  collection: CollectionName,
): Promise<void> {
  if (collections[collection].tillWrites) {
    await requireStaffMember(deps.db, auth);
    return;
  }

  const gate = backOfficeGates[collection];
  if (gate === undefined) throw new Error(`no push permission for ${collection}`);
  if (gate.tenantWide) {
    await requireAnyOf(deps, [askAbout(auth, gate.action)]);
  } else {
    await permittedScope(deps, auth, gate.action);
  }
}
