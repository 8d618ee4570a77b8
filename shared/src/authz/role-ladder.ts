import type { Role } from '../documents/common.ts';

/**
 * Lowest first. Roles are composites: each one holds every permission of the roles before it,
 * which is why a check only needs the highest role a user holds in the place asked about.
 */
export const ROLE_LADDER = ['cashier', 'manager', 'owner'] as const satisfies readonly Role[];

/** -1 for a string that is not a role, so a role name from an old token never grants anything. */
export function roleRank(role: Role): number {
  return (ROLE_LADDER as readonly Role[]).indexOf(role);
}

export function highestRole(roles: readonly Role[]): Role | null {
  let highest: Role | null = null;
  for (const role of roles) {
    if (roleRank(role) >= 0 && (highest === null || roleRank(role) > roleRank(highest))) {
      highest = role;
    }
  }
  return highest;
}

/** The role and every role below it: all the roles a holder of `role` acts as. */
export function rolesUpTo(role: Role): Role[] {
  return ROLE_LADDER.slice(0, roleRank(role) + 1);
}
