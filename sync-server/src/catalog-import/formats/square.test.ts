import { describe, expect, it } from 'vitest';

import { importCsv } from '../test-helpers.ts';

const HEADER =
  'Token,Item Name,Variation Name,SKU,Description,Category,GTIN,Price,Sellable,' +
  'Current Quantity Main St,Tax - NJ Sales Tax (6.625%),Tax - City Tax (1%)';

describe('Square item library CSV', () => {
  it('reads taxes from column names and applies them per Y/N flag', () => {
    const { report, catalog } = importCsv([
      HEADER,
      'TOK1,Cargo Pants,"black, Small",J259005,"<ul><li>Zip, fly</li>\n<li>Pockets</li></ul>",CLOTHING,,138.00,,0,N,Y',
      'TOK2,Cap,Regular,657767H,"- Rhinestone\n- 56 - 58 cm\n5""(L) Brim",ACCESSORIES,0012000803703,24.00,,-1,Y,Y',
      'TOK3,Gift,Regular,G1,,,,variable,,,N,N',
      'TOK4,Old stock,Regular,OLD,,,,5.00,N,,N,N',
    ]);

    expect(report.format).toBe('square');
    expect(catalog.taxRates.map((t) => [t.id, t.name, t.rateMilliPercent])).toEqual([
      ['imp.square.tax.nj-sales-tax', 'NJ Sales Tax', 6625],
      ['imp.square.tax.city-tax', 'City Tax', 1000],
    ]);
    expect(catalog.products.map((p) => [p.name, p.price, p.taxRateIds, p.active])).toEqual([
      ['Cargo Pants - black, Small', 13800, ['imp.square.tax.city-tax'], true],
      ['Cap', 2400, ['imp.square.tax.nj-sales-tax', 'imp.square.tax.city-tax'], true],
      ['Old stock', 500, [], false],
    ]);
    expect(catalog.products[1]?.barcodes).toEqual(['0012000803703']);
    expect(report.skipped).toEqual([
      { line: 7, reason: 'no Price: variable-price items are not imported' },
    ]);
    expect(report.suspicious).toEqual([
      { line: 4, field: 'Current Quantity Main St', value: '-1', reason: 'negative stock' },
    ]);
  });
});
