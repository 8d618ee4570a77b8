import { gtinCheckDigit, type Product, type Store } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { resolveScan, type ScanSettings } from './resolve-scan.ts';

function product(id: string, barcodes: string[], extra: Partial<Product> = {}): Product {
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
    active: true,
    ...extra,
  };
}

function ean13(body: string): string {
  return `${body}${gtinCheckDigit(body)}`;
}

const scanning: NonNullable<Store['scanning']> = {
  prefix: ']E0',
  suffix: '',
  variableMeasure: [
    {
      prefixes: ['02'],
      itemCodeLength: 5,
      value: 'price',
      valueDigits: 5,
      decimals: 2,
      hasValueCheckDigit: false,
    },
    {
      prefixes: ['21'],
      itemCodeLength: 5,
      value: 'weight',
      valueDigits: 5,
      decimals: 3,
      hasValueCheckDigit: false,
    },
  ],
};
const settings: ScanSettings = { scanning, currencyDecimals: 2 };

const milk = product('milk', ['4006381333931']);
const old = product('old', ['5901234123457'], { active: false });
const bananas = product('bananas', ['00101'], { soldBy: 'weight', price: 159 });
const cheese = product('cheese', ['00201']);
const catalog = [milk, old, bananas, cheese];
const lookup = (code: string) => catalog.find((p) => p.barcodes.includes(code));

describe('resolveScan', () => {
  it('finds a product by its exact barcode, one piece', () => {
    expect(resolveScan('4006381333931', lookup, settings)).toMatchObject({
      kind: 'found',
      product: milk,
      quantity: null,
    });
  });

  it('strips the store scanner prefix and noise first', () => {
    expect(resolveScan(']E04006381333931\r', lookup, settings)).toMatchObject({
      kind: 'found',
      product: milk,
    });
  });

  it('reports an unknown code with the code in the message', () => {
    expect(resolveScan('1234567890128', lookup, settings)).toEqual({
      kind: 'refused',
      code: '1234567890128',
      message: 'Unknown barcode 1234567890128',
    });
  });

  it('refuses products that are no longer sold', () => {
    expect(resolveScan('5901234123457', lookup, settings)).toMatchObject({ kind: 'refused' });
  });

  it('reads the weight from a scale label', () => {
    expect(resolveScan(ean13('210010101250'), lookup, settings)).toMatchObject({
      kind: 'found',
      product: bananas,
      quantity: 1250,
    });
  });

  it('refuses a scale label whose item code is unknown', () => {
    expect(resolveScan(ean13('210099901250'), lookup, settings)).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('Unknown item 00999') as string,
    });
  });

  it('refuses a weight label on a product sold by the piece', () => {
    expect(resolveScan(ean13('210020101250'), lookup, settings)).toMatchObject({
      kind: 'refused',
    });
  });

  it('sells a price-marked label as one item at the printed price, not the shelf price', () => {
    expect(resolveScan(ean13('020020101940'), lookup, settings)).toEqual({
      kind: 'found',
      code: ean13('020020101940'),
      product: cheese,
      quantity: 1000,
      unitPrice: 1940,
    });
  });

  it('ignores a scan that is only noise', () => {
    expect(resolveScan('\r\n', lookup, settings)).toEqual({ kind: 'empty' });
  });

  it('works for a store without scanner settings', () => {
    expect(
      resolveScan('4006381333931', lookup, { scanning: undefined, currencyDecimals: 2 }),
    ).toMatchObject({ kind: 'found', product: milk });
  });
});
