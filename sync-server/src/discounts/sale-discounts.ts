import { discountAmount, lineGross, type Discount, type Sale } from '@pos/shared';

export interface GivenDiscount {
  discount: Discount;
  /** What the discount applies to, in minor units, as the till measured it for its limit. */
  gross: number;
  /** Where it was given, for the manager reading the issue. */
  label: string;
}

/**
 * Every discount of a sale with the amount it applies to: a line's discount to the line's
 * gross, the cart discount to what the lines cost after their own discounts.
 */
export function saleDiscounts(sale: Pick<Sale, 'lines' | 'cartDiscount'>): GivenDiscount[] {
  const given: GivenDiscount[] = [];
  let afterLineDiscounts = 0;

  for (const line of sale.lines) {
    const gross = lineGross(line);
    afterLineDiscounts += gross - Number(discountAmount(line.discount, BigInt(gross)));
    if (line.discount !== null) {
      given.push({ discount: line.discount, gross, label: `line ${line.lineId} (${line.name})` });
    }
  }

  if (sale.cartDiscount !== null) {
    given.push({ discount: sale.cartDiscount, gross: afterLineDiscounts, label: 'the cart' });
  }
  return given;
}
