import type { Product, SaleLine, TaxRate } from '@pos/shared';

import type { Cart } from './till-api.ts';

export interface ProductLookup {
  product(id: string): Product | undefined;
  taxRate(id: string): TaxRate | undefined;
}

export class CartPricingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CartPricingError';
  }
}

/**
 * Turns cart lines into sale lines with a snapshot of the product as it is now: a later price
 * or tax change never rewrites a sale already rung up.
 */
export function saleLinesFromCart(cart: Cart, lookup: ProductLookup): SaleLine[] {
  return cart.lines.map((line) => {
    const product = lookup.product(line.productId);
    if (!product) {
      throw new CartPricingError(`The product ${line.productId} is no longer in the catalog`);
    }

    const taxes = product.taxRateIds.map((taxRateId) => {
      const rate = lookup.taxRate(taxRateId);
      if (!rate) {
        throw new CartPricingError(`${product.name}: tax rate ${taxRateId} is missing`);
      }
      return { taxRateId, name: rate.name, rateMilliPercent: rate.rateMilliPercent };
    });

    return {
      lineId: line.lineId,
      productId: product.id,
      sku: product.sku,
      name: product.name,
      quantity: line.quantity,
      // A price-marked label rings up at its own price, never the shelf price.
      unitPrice: line.unitPrice ?? product.price,
      taxes,
      discount: line.discount,
      refundOfLineId: null,
    };
  });
}
