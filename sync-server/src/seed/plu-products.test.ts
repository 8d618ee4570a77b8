import { decodeVariableMeasure, gtinCheckDigit, storeSchema, type Product } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { demoStore } from './demo-organisation.ts';
import { DEMO_SCANNING, PLU_SKU_PREFIX, pluProducts } from './plu-products.ts';

const products = pluProducts('2026-01-01T00:00:00.000Z');

function ean13(first12: string): string {
  return `${first12}${gtinCheckDigit(first12)}`;
}

/** What the till does with a decoded item code: the same exact lookup as any barcode. */
function byItemCode(itemCode: string): Product | undefined {
  return products.find((product) => product.barcodes.includes(itemCode));
}

describe('the demo scales', () => {
  it('are part of a valid demo store', () => {
    expect(storeSchema.safeParse(demoStore('2026-01-01T00:00:00.000Z')).success).toBe(true);
  });

  it('read a weighed label as item code and grams, resolved to a product sold by weight', () => {
    const decoded = decodeVariableMeasure(ean13('210010101250'), DEMO_SCANNING.variableMeasure);

    expect(decoded).toEqual({
      prefix: '21',
      itemCode: '00101',
      weightGrams: 1250,
      quantity: 1250,
    });
    expect(byItemCode(decoded?.itemCode ?? '')).toMatchObject({
      sku: `${PLU_SKU_PREFIX}00101`,
      soldBy: 'weight',
    });
  });

  it('read a price-marked label as item code and cents, resolved to a product sold each', () => {
    const decoded = decodeVariableMeasure(ean13('020020101940'), DEMO_SCANNING.variableMeasure);

    expect(decoded).toEqual({ prefix: '02', itemCode: '00201', priceMinor: 1940 });
    expect(byItemCode(decoded?.itemCode ?? '')).toMatchObject({
      sku: `${PLU_SKU_PREFIX}00201`,
      soldBy: 'each',
    });
  });

  it('give every PLU item exactly its 5-digit item code as barcode and in its sku', () => {
    for (const product of products) {
      const [code] = product.barcodes;
      expect(product.barcodes).toHaveLength(1);
      expect(code).toMatch(/^\d{5}$/);
      expect(product.sku).toBe(`${PLU_SKU_PREFIX}${code}`);
    }
    expect(new Set(products.map((p) => p.barcodes[0])).size).toBe(products.length);
  });
});
