import {
  authorize,
  effectiveDiscountPercent,
  needsApproval,
  type Sale,
  type Staff,
  type Store,
} from '@pos/shared';

import { loadStaffMember, rolesInStore, staffSubject } from '../auth/staff-member.ts';
import type { Queryable } from '../db/database.ts';
import type { SaleIssue } from '../sales/recompute-totals.ts';
import { saleDiscounts, type GivenDiscount } from './sale-discounts.ts';

/**
 * Discounts above the cashier's limit in the store must name a staff member whose own limit
 * covers them. The sale happened either way, so an unapproved discount only flags it
 * (`discount_not_approved`, one issue per discount) for a manager to look at. Refunds repeat
 * the original's discounts, which were checked with the original.
 */
export async function checkDiscountApprovals(
  tx: Queryable,
  tenantId: string,
  sale: Sale,
  store: Store,
): Promise<SaleIssue[]> {
  if (sale.kind !== 'sale') return [];
  const given = saleDiscounts(sale);
  if (given.length === 0) return [];

  const staff = new Map<string, Staff | undefined>();
  const member = async (id: string) => {
    if (!staff.has(id)) staff.set(id, await loadStaffMember(tx, tenantId, id));
    return staff.get(id);
  };

  const cashier = await member(sale.cashierId);
  const cashierRoles = cashier === undefined ? [] : rolesInStore(cashier, sale.storeId);

  const issues: SaleIssue[] = [];
  for (const item of given) {
    if (!needsApproval(item.discount, item.gross, cashierRoles, store.discountLimits)) continue;

    const approverId = item.discount.approvedBy;
    const approver = approverId === null ? undefined : await member(approverId);
    const problem = approvalProblem(item, approverId, approver, tenantId, sale.storeId, store);
    if (problem !== undefined) issues.push({ code: 'discount_not_approved', message: problem });
  }
  return issues;
}

/** Why the approval does not hold, or undefined when it does. */
function approvalProblem(
  item: GivenDiscount,
  approverId: string | null,
  approver: Staff | undefined,
  tenantId: string,
  storeId: string,
  store: Store,
): string | undefined {
  if (approverId === null) {
    return `the discount on ${item.label} is over the cashier's limit and names no approver`;
  }
  if (approver === undefined) {
    return `the discount on ${item.label} names ${approverId}, who is not a staff member`;
  }

  const decision = authorize({
    subject: staffSubject(approver),
    action: 'apply_discount',
    tenantId,
    storeId,
    discountMilliPercent: effectiveDiscountPercent(item.discount, item.gross),
    store,
  });
  return decision.allowed
    ? undefined
    : `the discount on ${item.label} was approved by ${approver.displayName}: ${decision.reason}`;
}
