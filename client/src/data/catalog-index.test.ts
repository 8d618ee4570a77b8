import { describe, expect, it } from 'vitest';

import { buildCatalogIndex } from './catalog-index.ts';
import { sampleCategory, sampleProduct, sampleTaxRate } from './testing/sample-documents.ts';

const base = { categories: [sampleCategory], taxRates: [sampleTaxRate] };

describe('buildCatalogIndex', () => {
  it('finds products by exact barcode, keeping leading zeros', () => {
    const cola = sampleProduct(1, { name: 'Cola', barcodes: ['0012345678905'] });
    const chips = sampleProduct(2, { name: 'Chips', barcodes: ['12345678905'] });
    const index = buildCatalogIndex({ ...base, products: [cola, chips] });

    expect(index.byBarcode('0012345678905')).toBe(cola);
    expect(index.byBarcode('12345678905')).toBe(chips);
  });

  it('finds an EAN-13 stored with a leading zero from the UPC-A a scanner sends', () => {
    const product = sampleProduct(1, { barcodes: ['0036000291452'] });
    const index = buildCatalogIndex({ ...base, products: [product] });

    expect(index.byBarcode('036000291452')).toBe(product);
    expect(index.byBarcode('00036000291452')).toBe(product);
    expect(index.byBarcode('36000291452')).toBeUndefined();
  });

  it('finds a product stored by UPC-A from its unexpanded UPC-E', () => {
    const product = sampleProduct(1, { barcodes: ['042100005264'] });
    const index = buildCatalogIndex({ ...base, products: [product] });

    expect(index.byBarcode('04252614')).toBe(product);
  });

  it('keeps EAN-8 codes apart from longer codes with the same digits', () => {
    const short = sampleProduct(1, { barcodes: ['96385074'] });
    const index = buildCatalogIndex({ ...base, products: [short] });

    expect(index.byBarcode('96385074')).toBe(short);
    expect(index.byBarcode('0000096385074')).toBe(short);
    expect(index.byBarcode('963850740')).toBeUndefined();
  });

  it('leaves out inactive and deleted products', () => {
    const index = buildCatalogIndex({
      ...base,
      products: [
        sampleProduct(1, { active: false, barcodes: ['111'] }),
        sampleProduct(2, { _deleted: true, barcodes: ['222'] }),
        sampleProduct(3, { barcodes: ['333'] }),
      ],
    });

    expect(index.products.map((p) => p.id)).toEqual(['product-3']);
    expect(index.byBarcode('111')).toBeUndefined();
    expect(index.byBarcode('222')).toBeUndefined();
    expect(index.search('product').map((p) => p.id)).toEqual(['product-3']);
  });

  it('searches name and SKU case-insensitively, exact SKU and prefixes first', () => {
    const index = buildCatalogIndex({
      ...base,
      products: [
        sampleProduct(1, { name: 'Diet Cola 355 ml', sku: 'DC-355' }),
        sampleProduct(2, { name: 'Cola 2 L', sku: 'COLA-2' }),
        sampleProduct(3, { name: 'Chocolate bar', sku: 'COLA' }),
        sampleProduct(4, { name: 'Water', sku: 'W-1' }),
      ],
    });

    expect(index.search('COLA').map((p) => p.id)).toEqual(['product-3', 'product-2', 'product-1']);
    expect(index.search('cola 355').map((p) => p.id)).toEqual(['product-1']);
    expect(index.search('  ')).toEqual([]);
    expect(index.search('cola', 1)).toHaveLength(1);
  });

  it('puts a typed barcode first in search results', () => {
    const product = sampleProduct(7, { name: 'Zucchini', barcodes: ['0000000000017'] });
    const index = buildCatalogIndex({ ...base, products: [sampleProduct(1), product] });

    expect(index.search('0000000000017')[0]).toBe(product);
  });

  it('groups by category and orders categories by sortOrder', () => {
    const snacks = { ...sampleCategory, id: 'cat-snacks', name: 'Snacks', sortOrder: 0 };
    const index = buildCatalogIndex({
      products: [sampleProduct(1), sampleProduct(2, { categoryId: null })],
      categories: [sampleCategory, snacks],
      taxRates: [sampleTaxRate],
    });

    expect(index.categories.map((c) => c.id)).toEqual(['cat-snacks', 'cat-drinks']);
    expect(index.byCategory(sampleCategory.id).map((p) => p.id)).toEqual(['product-1']);
    expect(index.byCategory(null).map((p) => p.id)).toEqual(['product-2']);
    expect(index.taxRates.get(sampleTaxRate.id)).toBe(sampleTaxRate);
  });
});
