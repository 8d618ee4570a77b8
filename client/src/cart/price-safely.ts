import type { Payment, SaleTotals } from '@pos/shared';

import type { Cart, TillApi } from '../data/till-api.ts';

export type PriceResult = { ok: true; totals: SaleTotals } | { ok: false; message: string };

/**
 * Prices a cart without letting a bad line (say, a product the catalog no longer has) take
 * the whole screen down; the cashier sees why and can remove the line.
 */
export function priceSafely(api: TillApi, cart: Cart, payments: readonly Payment[]): PriceResult {
  try {
    return { ok: true, totals: api.priceCart(cart, [...payments]) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This cart cannot be priced: ${message}` };
  }
}
