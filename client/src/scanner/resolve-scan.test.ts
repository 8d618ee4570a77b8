import type { Product } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { resolveScan } from './resolve-scan.ts';

function product(id: string, barcodes: string[], active = true): Product {
  return {
    id,
    updatedAt: '2024-01-01T00:00:00.000Z',
    _deleted: false,
    sku: id.toUpperCase(),
    name: `Product ${id}`,
    categoryId: null,
    barcodes,
    price: 100,
    taxRateIds: [],
    soldBy: 'each',
    active,
  };
}

function lookupOf(products: Product[]): (code: string) => Product | undefined {
  return (code) => products.find((p) => p.barcodes.includes(code));
}

const milk = product('milk', ['4006381333931']);
const old = product('old', ['5901234123457'], false);
const lookup = lookupOf([milk, old]);

describe('resolveScan', () => {
  it('finds a product by its exact barcode', () => {
    expect(resolveScan('4006381333931', lookup)).toMatchObject({ kind: 'found', product: milk });
  });

  it('cleans scanner noise and configured affixes first', () => {
    expect(resolveScan(']E04006381333931\r', lookup, { prefix: ']E0' })).toMatchObject({
      kind: 'found',
      product: milk,
    });
  });

  it('reports an unknown code with the code in the message', () => {
    expect(resolveScan('1234567890128', lookup)).toEqual({
      kind: 'unknown',
      code: '1234567890128',
      message: 'Unknown barcode 1234567890128',
    });
  });

  it('refuses products that are no longer sold', () => {
    expect(resolveScan('5901234123457', lookup)).toMatchObject({ kind: 'inactive' });
  });

  it('ignores a scan that is only noise', () => {
    expect(resolveScan('\r\n', lookup)).toEqual({ kind: 'empty' });
  });
});
