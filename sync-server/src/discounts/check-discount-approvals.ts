import { effectiveDiscountPercent, type Sale } from '@pos/shared';

import { loadStaffMember } from '../auth/staff-member.ts';
import type { Queryable } from '../db/database.ts';
import type { Permits, PushQuestion } from '../replication/push-permits.ts';
import type { SaleIssue } from '../sales/recompute-totals.ts';
import { saleDiscounts, type GivenDiscount } from './sale-discounts.ts';

interface PricedDiscount extends GivenDiscount {
  /** As the limits are set: milli-percent of what the discount applies to. */
  milliPercent: number;
}

/** Refunds repeat the original's discounts, which were checked with the original. */
function pricedDiscounts(sale: Sale): PricedDiscount[] {
  if (sale.kind !== 'sale') return [];
  return saleDiscounts(sale)
    .map((item) => ({ ...item, milliPercent: effectiveDiscountPercent(item.discount, item.gross) }))
    .filter((item) => item.milliPercent > 0);
}

function mayApply(sale: Sale, userId: string, item: PricedDiscount): PushQuestion {
  return {
    userId,
    action: 'apply_discount',
    storeId: sale.storeId,
    discountMilliPercent: item.milliPercent,
  };
}

/**
 * What a sale's discounts ask: whether the cashier could give each alone, and whether the
 * approver it names could. Both are asked up front, so the push needs one round trip.
 */
export function discountQuestions(sale: Sale): PushQuestion[] {
  return pricedDiscounts(sale).flatMap((item) => {
    const approverId = item.discount.approvedBy;
    const cashier = mayApply(sale, sale.cashierId, item);
    return approverId === null ? [cashier] : [cashier, mayApply(sale, approverId, item)];
  });
}

/**
 * Discounts above what the cashier may give in the store must name a staff member who may
 * give them. The sale happened either way, so an unapproved discount only flags it
 * (`discount_not_approved`, one issue per discount) for a manager to look at.
 */
export async function checkDiscountApprovals(
  tx: Queryable,
  context: { tenantId: string; permits: Permits },
  sale: Sale,
): Promise<SaleIssue[]> {
  const issues: SaleIssue[] = [];
  for (const item of pricedDiscounts(sale)) {
    if (context.permits.decision(mayApply(sale, sale.cashierId, item)).allowed) continue;

    const problem = await approvalProblem(tx, context, sale, item);
    if (problem !== undefined) issues.push({ code: 'discount_not_approved', message: problem });
  }
  return issues;
}

/** Why the approval does not hold, or undefined when it does. */
async function approvalProblem(
  tx: Queryable,
  context: { tenantId: string; permits: Permits },
  sale: Sale,
  item: PricedDiscount,
): Promise<string | undefined> {
  const approverId = item.discount.approvedBy;
  if (approverId === null) {
    return `the discount on ${item.label} is over the cashier's limit and names no approver`;
  }

  // Read for the manager's message only: the decision is the authorizer's.
  const approver = await loadStaffMember(tx, context.tenantId, approverId);
  if (approver === undefined) {
    return `the discount on ${item.label} names ${approverId}, who is not a staff member`;
  }

  const decision = context.permits.decision(mayApply(sale, approverId, item));
  return decision.allowed
    ? undefined
    : `the discount on ${item.label} was approved by ${approver.displayName}: ${decision.reason}`;
}
