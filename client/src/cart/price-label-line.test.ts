import { describe, expect, it } from 'vitest';

import { saleLinesFromCart } from '../data/sale-lines.ts';
import { sampleProduct, sampleTaxRate } from '../data/testing/sample-documents.ts';
import { lineAmounts } from './cart-amounts.ts';
import { addProduct, emptyCart } from './cart-operations.ts';

const product = sampleProduct(1);
const lookup = {
  product: (id: string) => (id === product.id ? product : undefined),
  taxRate: (id: string) => (id === sampleTaxRate.id ? sampleTaxRate : undefined),
};

describe('price-marked label lines', () => {
  it('ring up one item at the label price, on a line of its own', () => {
    let cart = addProduct(emptyCart('c'), product.id, 'l1');
    cart = addProduct(cart, product.id, 'l2', null, 1940);
    cart = addProduct(cart, product.id, 'l3');

    expect(cart.lines.map((l) => [l.lineId, l.quantity, l.unitPrice])).toEqual([
      ['l1', 1000, undefined],
      ['l2', 1000, 1940],
      ['l3', 1000, undefined],
    ]);

    const [shelf, label] = saleLinesFromCart(cart, lookup);
    expect(shelf?.unitPrice).toBe(product.price);
    expect(label?.unitPrice).toBe(1940);
    expect(lineAmounts(cart.lines[1]!, product).gross).toBe(1940);
  });
});
