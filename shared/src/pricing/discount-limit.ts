import type { Role } from '../documents/common.ts';
import type { Store } from '../documents/organisation.ts';
import type { Discount } from '../documents/sale.ts';
import { discountAmount } from './price-sale.ts';

const HUNDRED_PERCENT = 100_000n;

/**
 * The discount as milli-percent of what it applies to (a line's gross, or the cart's net
 * after line discounts), so amount discounts are held to the same limits as percent ones.
 * Rounded up: a discount a hair above a limit still needs approval.
 */
export function effectiveDiscountPercent(discount: Discount | null, gross: number): number {
  if (!discount || discount.value === 0) {
    return 0;
  }
  if (discount.type === 'percent') {
    return Math.min(discount.value, Number(HUNDRED_PERCENT));
  }
  if (gross <= 0) {
    return Number(HUNDRED_PERCENT);
  }

  const amount = discountAmount(discount, BigInt(gross));
  const scaled = amount * HUNDRED_PERCENT;
  const base = BigInt(gross);
  return Number(scaled / base + (scaled % base === 0n ? 0n : 1n));
}

/** The largest discount the user may give alone: the highest limit among their roles. */
export function discountLimitFor(roles: readonly Role[], limits: Store['discountLimits']): number {
  return roles.reduce((max, role) => Math.max(max, limits[role] ?? 0), 0);
}

export function needsApproval(
  discount: Discount | null,
  gross: number,
  roles: readonly Role[],
  limits: Store['discountLimits'],
): boolean {
  return effectiveDiscountPercent(discount, gross) > discountLimitFor(roles, limits);
}
