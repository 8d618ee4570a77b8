import type { Discount, SaleLine } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { saleDiscounts } from './sale-discounts.ts';

const discount = (type: Discount['type'], value: number): Discount => ({
  type,
  value,
  reason: 'test',
  approvedBy: null,
});

function line(lineId: string, unitPrice: number, quantity: number, d: Discount | null): SaleLine {
  return {
    lineId,
    productId: `p-${lineId}`,
    sku: lineId,
    name: lineId,
    quantity,
    unitPrice,
    taxes: [],
    discount: d,
    refundOfLineId: null,
  };
}

describe('saleDiscounts', () => {
  it('measures a line discount on the line and the cart discount on what the lines cost after theirs', () => {
    const given = saleDiscounts({
      lines: [line('a', 1000, 2000, discount('percent', 10_000)), line('b', 333, 1500, null)],
      cartDiscount: discount('amount', 100),
    });

    expect(given.map(({ gross, label }) => ({ gross, label }))).toEqual([
      { gross: 2000, label: 'line a (a)' },
      // 2000 - 200 + round(333 × 1.5) = 1800 + 500
      { gross: 2300, label: 'the cart' },
    ]);
  });

  it('finds nothing on a sale without discounts', () => {
    expect(saleDiscounts({ lines: [line('a', 100, 1000, null)], cartDiscount: null })).toEqual([]);
  });
});
