import type { CsvTable } from '../csv-read.ts';
import {
  emptyResult,
  rowReader,
  variantName,
  type FormatReader,
  type FormatResult,
  type SourceField,
} from '../source-item.ts';

const OPTION_VALUES = [
  'variant_option_one_value',
  'variant_option_two_value',
  'variant_option_three_value',
];

/** Digits of a GTIN length, or 11 (a UPC-A whose leading zero a spreadsheet ate). */
const GTIN_LIKE = /^(?:\d{8}|\d{11,14})$/;

/**
 * Vend has no barcode column: its till scans the SKU, and shops type the UPC/EAN there. Such
 * SKUs are offered as barcodes so they get checked and normalised like any other.
 */
function skuAsBarcode(sku: string): SourceField[] {
  return GTIN_LIKE.test(sku) ? [{ field: 'sku', value: sku }] : [];
}

/** Outlet tax columns name a tax ("Default Tax") but never give its rate. */
function noteTaxNames(table: CsvTable, result: FormatResult): void {
  const view = rowReader(table.header);
  const taxColumns = table.header.filter((column) => column.startsWith('outlet_tax_'));
  const names = new Set<string>();

  for (const record of table.records) {
    const row = view(record);
    for (const column of taxColumns) {
      const name = row.get(column);
      if (name !== '' && name.toLowerCase() !== 'no tax') names.add(name);
    }
  }

  if (names.size > 0) {
    const list = [...names].map((name) => `"${name}"`).join(', ');
    result.notes.push(
      `Vend exports name taxes (${list}) without their rates: set up tax rates by hand.`,
    );
  }
}

function readRows(table: CsvTable, result: FormatResult): void {
  const view = rowReader(table.header);
  const stockColumns = table.header.filter((column) => column.startsWith('inventory_'));

  for (const record of table.records) {
    const row = view(record);
    const name = row.get('name');
    if (name === '' && row.get('composite_sku') !== '') {
      result.skipped.push({ line: row.line, reason: 'component line of a composite product' });
      continue;
    }

    const sku = row.get('sku');
    result.items.push({
      line: row.line,
      key: row.get('id') || sku,
      sku,
      name: variantName(
        name,
        OPTION_VALUES.map((column) => row.get(column)),
      ),
      category: row.get('product_category'),
      price: { field: 'retail_price', value: row.get('retail_price') },
      barcodes: skuAsBarcode(sku),
      taxKeys: [],
      soldBy: 'each',
      active: row.get('active') !== '0',
      stock: stockColumns.map((field) => ({ field, value: row.get(field) })),
    });
  }
}

export const vendReader: FormatReader = {
  format: 'vend',

  matches(header) {
    return ['id', 'handle', 'sku', 'name', 'retail_price'].every((c) => header.includes(c));
  },

  read(table) {
    const result = emptyResult();
    readRows(table, result);
    noteTaxNames(table, result);
    return result;
  },
};
