import {
  authorize,
  discountLimitFor,
  highestRole,
  rolesUpTo,
  type Action,
  type Role,
  type Store,
} from '@pos/shared';
import { z } from 'zod';

/** The till's buttons that depend on who is at the till. */
export const GATED_ACTIONS = [
  'sell',
  'refund',
  'void',
  'view_reports',
] as const satisfies readonly Action[];
export type GatedAction = (typeof GATED_ACTIONS)[number];

const decisionSchema = z.union([
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), reason: z.string() }),
]);

export const permissionSnapshotSchema = z.object({
  storeId: z.string(),
  decisions: z.object({
    sell: decisionSchema,
    refund: decisionSchema,
    void: decisionSchema,
    view_reports: decisionSchema,
  }),
  /** The largest discount this person may give alone here, in milli-percent. */
  discountLimit: z.number().int().min(0),
});
export type PermissionSnapshot = z.infer<typeof permissionSnapshotSchema>;

/**
 * What this person may do in this store, decided by the shared model the server also asks, and
 * kept with the session so the till greys out buttons the same way offline. The server still
 * decides every push; this only spares a cashier a button that could never work.
 */
export function permissionSnapshot(
  who: { userId: string; tenantId: string; roles: readonly Role[] },
  store: Pick<Store, 'id' | 'discountLimits'>,
): PermissionSnapshot {
  const subject = { userId: who.userId, tenantRoles: [], storeRoles: { [store.id]: who.roles } };
  const decide = (action: GatedAction) =>
    authorize({ subject, action, tenantId: who.tenantId, storeId: store.id, store });

  const highest = highestRole(who.roles);
  return {
    storeId: store.id,
    decisions: {
      sell: decide('sell'),
      refund: decide('refund'),
      void: decide('void'),
      view_reports: decide('view_reports'),
    },
    discountLimit:
      highest === null ? 0 : discountLimitFor(rolesUpTo(highest), store.discountLimits),
  };
}

/** Shown under a refused button: who can help, and how, on a shared till. */
export const MANAGER_UNLOCK_HINT = 'A manager can unlock the till with their PIN (Switch user).';
