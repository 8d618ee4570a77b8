import type { Discount } from '@pos/shared';

import type { Cart, CartLine } from '../data/till-api.ts';

/** One piece, in the thousandths quantities are counted in. */
export const PIECE = 1000;

export function emptyCart(id: string): Cart {
  return { id, lines: [], cartDiscount: null, customerId: null };
}

/**
 * Adds a product. Scanning the same item again raises the quantity of its line, unless that
 * line carries a discount: the new piece then gets its own line so the discount stays as given.
 * A measured quantity (a weighed bag) always gets a line of its own, as its label does.
 */
export function addProduct(
  cart: Cart,
  productId: string,
  newLineId: string,
  measured: number | null = null,
  unitPrice: number | null = null,
): Cart {
  const last = cart.lines.at(-1);
  const mergeable =
    measured === null &&
    unitPrice === null &&
    last?.productId === productId &&
    last.discount === null &&
    last.unitPrice === undefined;
  if (mergeable) {
    return updateLine(cart, last.lineId, (line) => ({ ...line, quantity: line.quantity + PIECE }));
  }

  const line: CartLine = {
    lineId: newLineId,
    productId,
    quantity: measured ?? PIECE,
    discount: null,
    ...(unitPrice === null ? {} : { unitPrice }),
  };
  return { ...cart, lines: [...cart.lines, line] };
}

function updateLine(cart: Cart, lineId: string, change: (line: CartLine) => CartLine): Cart {
  return {
    ...cart,
    lines: cart.lines.map((line) => (line.lineId === lineId ? change(line) : line)),
  };
}

export function removeLine(cart: Cart, lineId: string): Cart {
  return { ...cart, lines: cart.lines.filter((line) => line.lineId !== lineId) };
}

/** Sets a line's quantity in thousandths; zero or less removes the line. */
export function setQuantity(cart: Cart, lineId: string, quantity: number): Cart {
  if (!Number.isSafeInteger(quantity)) return cart;
  if (quantity <= 0) return removeLine(cart, lineId);

  return updateLine(cart, lineId, (line) => ({ ...line, quantity }));
}

/** Steps a line up or down by whole pieces but never below one piece: removing is explicit. */
export function stepQuantity(cart: Cart, lineId: string, pieces: number): Cart {
  const line = cart.lines.find((l) => l.lineId === lineId);
  if (line === undefined) return cart;

  const next = line.quantity + pieces * PIECE;
  return setQuantity(cart, lineId, Math.max(next, Math.min(line.quantity, PIECE)));
}

export function setLineDiscount(cart: Cart, lineId: string, discount: Discount | null): Cart {
  return updateLine(cart, lineId, (line) => ({ ...line, discount }));
}

export function setCartDiscount(cart: Cart, discount: Discount | null): Cart {
  return { ...cart, cartDiscount: discount };
}

export function itemCount(cart: Cart): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity, 0);
}
