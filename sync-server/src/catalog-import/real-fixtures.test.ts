import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { prepareImportFile, type PreparedImport } from './import-file.ts';
import { NOW } from './test-helpers.ts';

/*
 * Real exports kept outside the repository, next to it in ../shared. Every expected number
 * below was counted independently with python3's csv module (csv.reader, line numbers from
 * reader.line_num, GS1 check digits and the UPC-E expansion recomputed by hand in python), e.g.
 *   rows = list(csv.reader(open(path, newline='', encoding='utf-8')))[1:]
 *   [l for l, r in numbered if r['In stock [Chillo]'].startswith('-')]
 * and cross-checked against the CLI's --dry-run --json output.
 */
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const FIXTURES = resolve(REPO_ROOT, '../shared/fixtures/real');

async function importFixture(path: string): Promise<PreparedImport> {
  const file = resolve(FIXTURES, path);
  if (!existsSync(file)) {
    throw new Error(`needs ../shared/fixtures/real (looked for ${file}); it is not in the repo`);
  }
  return prepareImportFile(file, NOW);
}

function linesWith(prepared: PreparedImport, reason: RegExp): number[] {
  return prepared.report.suspicious.filter((s) => reason.test(s.reason)).map((s) => s.line);
}

describe('real exports', () => {
  it('Shopify product_template.csv', async () => {
    const prepared = await importFixture('shopify/product_template.csv');
    const { report, catalog } = prepared;

    // 17 data rows: 12 shirt variants, 3 jeans variants + 1 image-only row, 1 beanie.
    expect(report).toMatchObject({ format: 'shopify', encoding: 'utf-8', rowsRead: 17 });
    expect(report).toMatchObject({ itemsImported: 16, categories: 3, taxRates: 0 });
    expect(report.skipped).toEqual([{ line: 17, reason: 'holds only an image' }]);

    // 14 of the 16 twelve-digit barcodes fail the GS1 check; lines 7 and 10 pass.
    expect(linesWith(prepared, /check digit/)).toEqual([
      2, 3, 4, 5, 6, 8, 9, 11, 12, 13, 14, 15, 16, 18,
    ]);
    expect(report.suspicious).toHaveLength(14);

    const beanie = catalog.products.find((p) => p.sku === 'HAT_GRY_275');
    expect(beanie).toMatchObject({ name: 'Example Beanie', price: 1799, active: false });
    const jeans = catalog.products.find((p) => p.sku === 'PNT_DEN_305');
    expect(jeans).toMatchObject({ name: 'Example Jeans - 30', price: 9500 });
    expect(catalog.products.find((p) => p.sku === 'SRT_COT_122')?.name).toBe(
      'Example T-Shirt - Green / M',
    );
  });

  it('Square item-library-export.csv', async () => {
    const { report, catalog } = await importFixture('square/item-library-export.csv');

    // 14 variations over 21 lines: descriptions hold line breaks, commas and HTML.
    expect(report).toMatchObject({ format: 'square', rowsRead: 14, itemsImported: 14 });
    expect(report).toMatchObject({ categories: 2, taxRates: 1, skipped: [], suspicious: [] });
    expect(catalog.taxRates[0]).toMatchObject({ name: 'NJ Sales Tax', rateMilliPercent: 6625 });

    // Only the two rows flagged Y carry the tax: lines 10 (cap) and 17 (floppy hat).
    const taxed = catalog.products.filter((p) => p.taxRateIds.length > 0);
    expect(taxed.map((p) => p.sku)).toEqual(['657767H', '8731567']);
    expect(catalog.products.every((p) => p.barcodes.length === 0)).toBe(true);
    expect(catalog.products[0]).toMatchObject({
      name: 'Tahiti Cargo Pants - washed black, Small',
      price: 13800,
    });
  });

  it('Loyverse export_items.csv', async () => {
    const prepared = await importFixture('loyverse/export_items.csv');
    const { report, catalog } = prepared;

    expect(report).toMatchObject({ format: 'loyverse', rowsRead: 174, itemsImported: 174 });
    expect(report).toMatchObject({ categories: 8, taxRates: 2, skipped: [] });

    expect(linesWith(prepared, /negative stock/)).toEqual([4, 34, 108, 109]);
    expect(linesWith(prepared, /price is zero/)).toEqual([19]);
    expect(linesWith(prepared, /0x1d/)).toEqual([96]);
    expect(linesWith(prepared, /check digit/)).toEqual([174]);
    expect(report.suspicious).toHaveLength(7);

    // 73 rows have a barcode; all are kept (the bad one as a plain scan code).
    expect(catalog.products.filter((p) => p.barcodes.length > 0)).toHaveLength(73);
    const dew = catalog.products.find((p) => p.sku === '10130');
    expect(dew?.barcodes).toEqual(['012000803703']);
    expect(catalog.products.find((p) => p.sku === '10105')?.name).toBe('Eggs 🥚');
    expect(catalog.products.find((p) => p.sku === '10054')?.barcodes).toEqual([
      '9100517147531124112593030414',
    ]);
    expect(catalog.taxRates.map((t) => [t.name, t.rateMilliPercent])).toEqual([
      ['Service Charge', 10000],
      ['GST', 8000],
    ]);
  });

  it('Vend product-export.csv', async () => {
    const prepared = await importFixture('vend/product-export.csv');
    const { report, catalog } = prepared;

    // 1,024 products; the last record starts on line 4930 of 4,932.
    expect(report).toMatchObject({ format: 'vend', rowsRead: 1024, itemsImported: 1024 });
    expect(report).toMatchObject({ categories: 28, taxRates: 0, skipped: [] });

    expect(linesWith(prepared, /check digit/)).toEqual([342, 1912, 4010]);
    expect(linesWith(prepared, /negative stock/)).toEqual([1146]);
    expect(report.suspicious).toHaveLength(4);
    expect(report.notes).toEqual([expect.stringContaining('"Georgia Sales Tax"')]);

    // 769 SKUs have 8 or 11–14 digits and become barcodes; two 8-digit ones are UPC-E.
    expect(catalog.products.filter((p) => p.barcodes.length > 0)).toHaveLength(769);
    expect(catalog.products.find((p) => p.sku === '08523929')?.barcodes).toEqual(['085200002399']);
    expect(catalog.products.filter((p) => p.sku.startsWith('0'))).toHaveLength(22);
  });
});
