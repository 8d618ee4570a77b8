import { discountAmount, lineGross, type Product } from '@pos/shared';

import type { CartLine } from '../data/till-api.ts';

export interface LineAmounts {
  gross: number;
  discount: number;
  net: number;
}

/** A line's price before and after its own discount, for display and discount limits. */
export function lineAmounts(line: CartLine, product: Product | undefined): LineAmounts {
  const gross = lineGross({
    unitPrice: line.unitPrice ?? product?.price ?? 0,
    quantity: line.quantity,
  });
  const discount = Number(discountAmount(line.discount, BigInt(gross)));
  return { gross, discount, net: gross - discount };
}

/** What a cart discount applies to: every line after its own discount. */
export function cartDiscountBase(
  lines: readonly CartLine[],
  products: ReadonlyMap<string, Product>,
): number {
  return lines.reduce((sum, line) => sum + lineAmounts(line, products.get(line.productId)).net, 0);
}
