import { describe, expect, it } from 'vitest';

import { importCsv, reasons } from '../test-helpers.ts';

const HEADER =
  'Handle,Title,Body (HTML),Type,Option1 Name,Option1 Value,Option2 Name,Option2 Value,' +
  'Variant SKU,Variant Inventory Qty,Variant Price,Variant Barcode,Image Src,Status';

describe('Shopify products CSV', () => {
  it('fills variants down from the first row of their Handle', () => {
    const { report, catalog } = importCsv([
      HEADER,
      'shirt,Tee,"<p>Soft, <b>cotton</b></p>",Shirts,Color,Green,Size,S,T-GS,3,25,036000291452,a.jpg,active',
      'shirt,,,,,Green,,M,T-GM,2,25.5,,b.jpg,',
      'shirt,,,,,,,,,,,,c.jpg,',
      'hat,Beanie,,Hats,Title,Default Title,,,HAT,1,17.99,,,archived',
    ]);

    expect(report.format).toBe('shopify');
    expect(report.rowsRead).toBe(4);
    expect(report.skipped).toEqual([{ line: 4, reason: 'holds only an image' }]);
    expect(catalog.products.map((p) => [p.id, p.name, p.price, p.active])).toEqual([
      ['imp.shopify.shirt.T-GS', 'Tee - Green / S', 2500, true],
      ['imp.shopify.shirt.T-GM', 'Tee - Green / M', 2550, true],
      ['imp.shopify.hat.HAT', 'Beanie', 1799, false],
    ]);
    expect(catalog.products[0]?.barcodes).toEqual(['036000291452']);
    expect(catalog.categories.map((c) => c.name)).toEqual(['Shirts', 'Hats']);
    expect(report.notes).toEqual([expect.stringContaining('tax rates by hand')]);
  });

  it('reports spoiled and wrong barcodes, negative stock and orphan variants', () => {
    const prepared = importCsv(
      [
        HEADER,
        'a,A,,,,,,,A1,-2,1,3.65275E+11,,',
        'a,,,,,x,,,A2,0,1,365275101829,,',
        'b,,,,,y,,,B1,0,1,,,',
      ],
      '\r\n',
    );

    expect(prepared.report.itemsImported).toBe(2);
    expect(prepared.catalog.products[0]?.barcodes).toEqual([]);
    expect(prepared.catalog.products[1]?.barcodes).toEqual(['365275101829']);
    expect(reasons(prepared)).toEqual([
      '2 Variant Inventory Qty: negative stock',
      '2 Variant Barcode: scientific notation from a spreadsheet: the digits are lost; not imported',
      '3 Variant Barcode: 365275101829 is not a valid UPC-A: its check digit does not match; kept as a plain scan code',
    ]);
    expect(prepared.report.skipped).toEqual([
      { line: 4, reason: 'variant of "b" with no Title row for that Handle before it' },
    ]);
  });
});
