import {
  discountLimitFor,
  effectiveDiscountPercent,
  formatMoney,
  needsApproval,
  parseMoney,
  type Discount,
  type Role,
  type Store,
} from '@pos/shared';

import { formatThousandths, parseThousandths } from './thousandths.ts';

const HUNDRED_PERCENT = 100_000;

export interface DiscountInput {
  type: Discount['type'];
  /** Percent ("10", "7.5") or money ("2.50") as typed. */
  text: string;
  reason: string;
}

export interface DiscountContext {
  currency: string;
  /** What the discount applies to, in minor units: the line or the cart before it. */
  base: number;
  roles: readonly Role[];
  limits: Store['discountLimits'];
}

/** Over the limit, a manager's PIN can still allow it: what they are asked to approve. */
export interface DiscountApprovalNeeded {
  discount: Discount;
  discountMilliPercent: number;
}

export type DiscountCheck =
  | { ok: true; discount: Discount }
  | { ok: false; message: string; approval?: DiscountApprovalNeeded };

export function buildDiscount(input: DiscountInput, context: DiscountContext): DiscountCheck {
  const reason = input.reason.trim();
  const value =
    input.type === 'percent'
      ? parseThousandths(input.text)
      : parseMoney(input.text, context.currency);

  if (value === null || value <= 0) {
    return { ok: false, message: 'Enter a discount above zero' };
  }
  if (input.type === 'percent' && value > HUNDRED_PERCENT) {
    return { ok: false, message: 'A discount cannot be more than 100 %' };
  }
  if (input.type === 'amount' && value > context.base) {
    return { ok: false, message: 'A discount cannot be more than the price' };
  }
  if (reason === '') {
    return { ok: false, message: 'Give a reason for the discount' };
  }

  const discount: Discount = { type: input.type, value, reason, approvedBy: null };
  if (needsApproval(discount, context.base, context.roles, context.limits)) {
    const limit = formatThousandths(discountLimitFor(context.roles, context.limits));
    return {
      ok: false,
      message: `Over your limit of ${limit} %: a manager has to approve it`,
      approval: {
        discount,
        discountMilliPercent: effectiveDiscountPercent(discount, context.base),
      },
    };
  }

  return { ok: true, discount };
}

/** "10 %" or "$2.50", as the cart shows a discount. */
export function describeDiscount(discount: Discount, currency: string): string {
  return discount.type === 'percent'
    ? `${formatThousandths(discount.value)} %`
    : formatMoney(discount.value, currency);
}
