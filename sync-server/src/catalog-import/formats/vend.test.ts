import { describe, expect, it } from 'vitest';

import { importCsv, reasons } from '../test-helpers.ts';

const HEADER =
  'id,handle,sku,composite_name,composite_sku,composite_quantity,name,description,' +
  'product_category,variant_option_one_name,variant_option_one_value,retail_price,active,' +
  'outlet_tax_Main,inventory_Main,inventory_Annex';

describe('Vend (Lightspeed X-Series) product export', () => {
  it('uses GTIN-looking SKUs as barcodes, keeping leading zeros', () => {
    const prepared = importCsv([
      HEADER,
      'u-1,lime,812949028294,,,,Lime,"<p>Fresh\nand</p>\n<p>zesty</p>",Drinks,Unit,Single,7.00,1,Default Tax,3,0',
      'u-2,opener,08523929,,,,Opener,,Bar,,,12.5,1,No Tax,0,-2',
      'u-3,spoon,silverspoon,,,,Spoon,,Bar,,,4,0,Default Tax,,',
      'u-4,bad,550064255386,,,,Bad,,,,,1.00,1,Georgia Sales Tax,,',
    ]);
    const { report, catalog } = prepared;

    expect(report.format).toBe('vend');
    expect(
      catalog.products.map((p) => [p.id, p.name, p.sku, p.barcodes, p.price, p.active]),
    ).toEqual([
      ['imp.vend.u-1', 'Lime - Single', '812949028294', ['812949028294'], 700, true],
      ['imp.vend.u-2', 'Opener', '08523929', ['085200002399'], 1250, true],
      ['imp.vend.u-3', 'Spoon', 'silverspoon', [], 400, false],
      ['imp.vend.u-4', 'Bad', '550064255386', ['550064255386'], 100, true],
    ]);
    expect(catalog.products[3]?.categoryId).toBeNull();
    expect(report.suspicious.map((s) => s.line)).toEqual([5, 7]);
    expect(reasons(prepared)).toEqual([
      '5 inventory_Annex: negative stock',
      '7 sku: 550064255386 is not a valid UPC-A: its check digit does not match; kept as a plain scan code',
    ]);
    expect(report.notes).toEqual([
      'Vend exports name taxes ("Default Tax", "Georgia Sales Tax") without their rates: set up tax rates by hand.',
    ]);
  });
});
