import type { CsvTable } from '../csv-read.ts';
import { emptyResult, rowReader, type FormatReader, type FormatResult } from '../source-item.ts';
import { findTaxColumns, isYes } from '../tax-columns.ts';

/** Square's placeholder variation name for items that have only one. */
const SINGLE_VARIATION = 'Regular';

function readRows(table: CsvTable, result: FormatResult): void {
  const view = rowReader(table.header);
  const taxColumns = findTaxColumns(table.header);
  const stockColumns = table.header.filter((column) => column.startsWith('Current Quantity '));
  result.taxes.push(...taxColumns.map(({ tax }) => tax));

  for (const record of table.records) {
    const row = view(record);
    const itemName = row.get('Item Name');
    const variation = row.get('Variation Name');
    const name =
      variation === '' || variation === SINGLE_VARIATION ? itemName : `${itemName} - ${variation}`;

    // Newer exports carry "Reporting Category" and a list in "Categories" instead.
    const category =
      row.get('Category') ||
      row.get('Reporting Category') ||
      (row.get('Categories').split(',')[0]?.trim() ?? '');

    // Square writes "variable" in the price of open-price items.
    const rawPrice = row.get('Price');
    const price = rawPrice.toLowerCase() === 'variable' ? '' : rawPrice;

    result.items.push({
      line: row.line,
      key: row.get('Token') || `${itemName}.${variation}`,
      sku: row.get('SKU'),
      name,
      category,
      price: { field: 'Price', value: price },
      barcodes: [{ field: 'GTIN', value: row.get('GTIN') }],
      taxKeys: taxColumns.filter(({ column }) => isYes(row.get(column))).map(({ tax }) => tax.key),
      soldBy: 'each',
      active: row.get('Sellable') !== 'N' && !isYes(row.get('Archived')),
      stock: stockColumns.map((field) => ({ field, value: row.get(field) })),
    });
  }
}

export const squareReader: FormatReader = {
  format: 'square',

  matches(header) {
    return ['Token', 'Item Name', 'Variation Name', 'Price'].every((c) => header.includes(c));
  },

  read(table) {
    const result = emptyResult();
    readRows(table, result);
    return result;
  },
};
