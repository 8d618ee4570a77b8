import { z } from 'zod';

/**
 * Everything the permission model can be asked. deploy/permify/schema.perm has a permission of
 * the same name for each, so the server can pass an action straight through to Permify.
 */
export const ACTIONS = [
  // Ring up and take payment for a sale at a till.
  'sell',
  // Give money back against an earlier sale: it moves cash out of the drawer.
  'refund',
  // Cancel a sale or a line before it is paid, so it never counts in the day's takings.
  'void',
  // Give a line or cart discount; also needs the discount to be within the role's store limit.
  'apply_discount',
  // Change products, categories, prices and tax rates shared by the stores.
  'edit_catalog',
  // See takings, shift and stock reports, which show every cashier's figures.
  'view_reports',
  // Invite staff, change their roles and PINs, and remove them.
  'manage_users',
  // Create or close stores and change their settings, including the discount limits.
  'manage_stores',
] as const;

export const actionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof actionSchema>;

/**
 * These happen at a till, so they are only ever asked about one store: there is no tenant-wide
 * sale, and discount limits are set per store.
 */
export const STORE_ONLY_ACTIONS = [
  'sell',
  'refund',
  'void',
  'apply_discount',
] as const satisfies readonly Action[];
export type StoreOnlyAction = (typeof STORE_ONLY_ACTIONS)[number];

/**
 * These may also be asked about the whole tenant (no store): the catalogue is shared, and an
 * owner manages every store's staff. Asked about one store, a store-level role counts too.
 */
export type TenantWideAction = Exclude<Action, StoreOnlyAction>;

export function isStoreOnlyAction(action: Action): action is StoreOnlyAction {
  return (STORE_ONLY_ACTIONS as readonly Action[]).includes(action);
}
