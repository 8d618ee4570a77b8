import type { CsvTable } from '../csv-read.ts';
import {
  emptyResult,
  rowReader,
  variantName,
  type FormatReader,
  type FormatResult,
  type RowView,
} from '../source-item.ts';
import { findTaxColumns, isYes } from '../tax-columns.ts';

/** What a variant row inherits from the first row of its Handle, which alone has a Name. */
interface ItemRow {
  handle: string;
  name: string;
  category: string;
  soldByWeight: boolean;
}

const OPTION_VALUES = ['Option 1 value', 'Option 2 value', 'Option 3 value'];

/** Columns named per store, e.g. "Price [Chillo]"; the first store decides. */
function storeColumns(header: readonly string[], name: string): string[] {
  return header.filter((column) => column.startsWith(`${name} [`) && column.endsWith(']'));
}

/** Every field of a row that says something about the item itself, not a component. */
function describesItem(row: RowView): boolean {
  return (
    row.get('SKU') !== '' || row.get('Name') !== '' || OPTION_VALUES.some((c) => row.get(c) !== '')
  );
}

function readRows(table: CsvTable, result: FormatResult): void {
  const view = rowReader(table.header);
  const taxColumns = findTaxColumns(table.header);
  const priceColumns = storeColumns(table.header, 'Price');
  const availableColumn = storeColumns(table.header, 'Available for sale')[0] ?? '';
  const stockColumns = storeColumns(table.header, 'In stock');
  result.taxes.push(...taxColumns.map(({ tax }) => tax));

  let item: ItemRow | null = null;
  for (const record of table.records) {
    const row = view(record);
    const handle = row.get('Handle');

    if (!describesItem(row)) {
      const reason =
        row.get('SKU of included item') !== ''
          ? 'component line of a composite item'
          : 'holds no item';
      result.skipped.push({ line: row.line, reason });
      continue;
    }

    if (row.get('Name') !== '') {
      item = {
        handle,
        name: row.get('Name'),
        category: row.get('Category'),
        soldByWeight: isYes(row.get('Sold by weight')),
      };
    } else if (item === null || item.handle !== handle) {
      result.skipped.push({
        line: row.line,
        reason: `variant of "${handle}" with no named row for that Handle before it`,
      });
      continue;
    }

    const [firstPrice, ...otherPrices] = priceColumns;
    const price = firstPrice === undefined ? '' : row.get(firstPrice);
    for (const column of otherPrices) {
      const other = row.get(column);
      if (other !== '' && other !== price) {
        result.suspicious.push({
          line: row.line,
          field: column,
          value: other,
          reason: `differs from ${firstPrice ?? 'the first price'} "${price}", which is used`,
        });
      }
    }

    const options = OPTION_VALUES.map((column) => row.get(column));
    const sku = row.get('SKU');
    result.items.push({
      line: row.line,
      // Loyverse keeps SKUs unique, so they identify variants across exports.
      key: sku !== '' ? sku : `${handle}.${options.filter(Boolean).join('-')}`,
      sku,
      name: variantName(item.name, options),
      category: item.category,
      price: { field: firstPrice ?? 'Price', value: price },
      barcodes: [{ field: 'Barcode', value: row.get('Barcode') }],
      taxKeys: taxColumns.filter(({ column }) => isYes(row.get(column))).map(({ tax }) => tax.key),
      soldBy: item.soldByWeight ? 'weight' : 'each',
      active: availableColumn === '' || isYes(row.get(availableColumn)),
      stock: stockColumns.map((field) => ({ field, value: row.get(field) })),
    });
  }
}

export const loyverseReader: FormatReader = {
  format: 'loyverse',

  matches(header) {
    const named = ['Handle', 'SKU', 'Name', 'Sold by weight'].every((c) => header.includes(c));
    return named && storeColumns(header, 'Price').length > 0;
  },

  read(table) {
    const result = emptyResult();
    readRows(table, result);
    return result;
  },
};
