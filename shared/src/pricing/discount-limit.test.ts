import { describe, expect, it } from 'vitest';

import { discountLimitFor, effectiveDiscountPercent, needsApproval } from './discount-limit.ts';
import { amountOff, percentOff } from './sale-fixtures.ts';

const limits = { cashier: 10_000, manager: 30_000, owner: 100_000 };

describe('effectiveDiscountPercent', () => {
  it('reads percent discounts as they are, capped at 100 %', () => {
    expect(effectiveDiscountPercent(percentOff(12_500), 1000)).toBe(12_500);
    expect(effectiveDiscountPercent(percentOff(150_000), 1000)).toBe(100_000);
    expect(effectiveDiscountPercent(null, 1000)).toBe(0);
  });

  it('turns amount discounts into milli-percent of the gross, rounding up', () => {
    expect(effectiveDiscountPercent(amountOff(100), 1000)).toBe(10_000);
    expect(effectiveDiscountPercent(amountOff(1), 3)).toBe(33_334);
    expect(effectiveDiscountPercent(amountOff(5000), 1000)).toBe(100_000);
    expect(effectiveDiscountPercent(amountOff(5), 0)).toBe(100_000);
  });
});

describe('needsApproval', () => {
  it("holds a discount to the highest limit among the user's roles", () => {
    expect(discountLimitFor(['cashier', 'manager'], limits)).toBe(30_000);
    expect(needsApproval(percentOff(10_000), 1000, ['cashier'], limits)).toBe(false);
    expect(needsApproval(percentOff(10_001), 1000, ['cashier'], limits)).toBe(true);
    expect(needsApproval(amountOff(101), 1000, ['cashier'], limits)).toBe(true);
    expect(needsApproval(amountOff(250), 1000, ['cashier', 'manager'], limits)).toBe(false);
    expect(needsApproval(percentOff(1), 1000, [], limits)).toBe(true);
  });
});
