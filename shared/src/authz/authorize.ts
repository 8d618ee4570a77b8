import type { Role } from '../documents/common.ts';
import type { Store } from '../documents/organisation.ts';
import { discountLimitFor } from '../pricing/discount-limit.ts';
import { isStoreOnlyAction, type Action } from './actions.ts';
import { highestRole, roleRank, rolesUpTo } from './role-ladder.ts';

export interface AuthzSubject {
  userId: string;
  /** Roles in the organisation: they apply in every store of the tenant. */
  tenantRoles: readonly Role[];
  /** Roles in single stores, by store id: each applies in that store only. */
  storeRoles: Readonly<Record<string, readonly Role[]>>;
}

export interface AuthorizeInput {
  subject: AuthzSubject;
  action: Action;
  /**
   * The tenant the subject's roles were read for; it names the organization entity in Permify.
   * The decision itself trusts the caller to have loaded the roles of this tenant only.
   */
  tenantId: string;
  /** Omitted to ask about the whole tenant; store-only actions are then refused. */
  storeId?: string;
  /** The discount asked for, in milli-percent (10 % is 10000); only read by apply_discount. */
  discountMilliPercent?: number;
  /** The store named by storeId; only its discount limits are read, by apply_discount. */
  store?: Pick<Store, 'discountLimits'>;
}

export type AuthzDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * The lowest role that may do each action; composites give it to every higher role.
 * deploy/permify/schema.perm says the same with `is_cashier`, `is_manager` and `is_owner`.
 */
export const LOWEST_ROLE_FOR: Readonly<Record<Action, Role>> = {
  sell: 'cashier',
  refund: 'manager',
  void: 'manager',
  apply_discount: 'cashier',
  edit_catalog: 'manager',
  view_reports: 'manager',
  manage_users: 'owner',
  manage_stores: 'owner',
};

/** Shown on the till as it is, so it says who can help rather than what failed. */
const ROLE_REFUSALS: Readonly<Record<Action, string>> = {
  sell: 'Selling needs a cashier role in this store',
  refund: 'Refunds need a manager',
  void: 'Voids need a manager',
  apply_discount: 'Discounts need a cashier role in this store',
  edit_catalog: 'Catalogue changes need a manager',
  view_reports: 'Reports need a manager',
  manage_users: 'Managing staff needs an owner',
  manage_stores: 'Managing stores needs an owner',
};

const ALLOWED: AuthzDecision = { allowed: true };

export function authorize(input: AuthorizeInput): AuthzDecision {
  const { action, storeId, subject } = input;
  if (storeId === undefined && isStoreOnlyAction(action)) {
    return refuse('Choose a store first');
  }

  const highest = highestRole(rolesIn(subject, storeId));
  if (highest === null || roleRank(highest) < roleRank(LOWEST_ROLE_FOR[action])) {
    return refuse(ROLE_REFUSALS[action]);
  }

  return action === 'apply_discount' ? decideDiscount(input, highest) : ALLOWED;
}

/** Tenant roles count everywhere; a store's roles count only when that store is asked about. */
function rolesIn(subject: AuthzSubject, storeId: string | undefined): readonly Role[] {
  // hasOwn, because a store id such as "constructor" must not find Object.prototype's member.
  if (storeId === undefined || !Object.hasOwn(subject.storeRoles, storeId)) {
    return subject.tenantRoles;
  }
  return [...subject.tenantRoles, ...(subject.storeRoles[storeId] ?? [])];
}

function decideDiscount(input: AuthorizeInput, highest: Role): AuthzDecision {
  const { store, discountMilliPercent: discount } = input;
  if (store === undefined) {
    return refuse("This store's discount limits are not loaded");
  }
  if (discount === undefined || !(discount >= 0)) {
    return refuse('That is not a discount');
  }

  // The largest limit among every role the user acts as, so a store that set the cashier limit
  // above the manager's never leaves a manager with less than a cashier. Permify computes the
  // same as an `or` of one limit rule per role.
  const limit = discountLimitFor(rolesUpTo(highest), store.discountLimits);
  if (discount <= limit) {
    return ALLOWED;
  }
  return refuse(
    `A ${percent(discount)} discount needs approval: your limit in this store is ${percent(limit)}`,
  );
}

function percent(milliPercent: number): string {
  return `${milliPercent / 1000}%`;
}

function refuse(reason: string): AuthzDecision {
  return { allowed: false, reason };
}
