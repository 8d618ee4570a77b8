import type { CsvTable } from '../csv-read.ts';
import {
  emptyResult,
  rowReader,
  variantName,
  type FormatReader,
  type FormatResult,
  type RowView,
} from '../source-item.ts';

/** What a variant row inherits from the first row of its Handle, which alone has a Title. */
interface ProductRow {
  handle: string;
  title: string;
  category: string;
  active: boolean;
}

const OPTION_VALUES = ['Option1 Value', 'Option2 Value', 'Option3 Value'];

/** Shopify's own product type first; the Google taxonomy path only when there is none. */
function categoryOf(row: RowView): string {
  const type = row.get('Type');
  if (type !== '') return type;
  return row.get('Product Category').split('>').at(-1)?.trim() ?? '';
}

function isVariantRow(row: RowView): boolean {
  const fields = ['Variant SKU', 'Variant Price', 'Variant Barcode', ...OPTION_VALUES];
  return fields.some((column) => row.get(column) !== '');
}

function readRows(table: CsvTable, result: FormatResult): void {
  const view = rowReader(table.header);
  let product: ProductRow | null = null;

  for (const record of table.records) {
    const row = view(record);
    const handle = row.get('Handle');

    if (row.get('Title') !== '') {
      // Draft and archived products are not for sale in Shopify's POS either.
      const status = row.get('Status').toLowerCase();
      const active = status === '' || status === 'active';
      product = { handle, title: row.get('Title'), category: categoryOf(row), active };
    }

    if (!isVariantRow(row)) {
      const reason = row.get('Image Src') !== '' ? 'holds only an image' : 'holds no variant';
      result.skipped.push({ line: row.line, reason });
      continue;
    }
    if (product === null || product.handle !== handle) {
      result.skipped.push({
        line: row.line,
        reason: `variant of "${handle}" with no Title row for that Handle before it`,
      });
      continue;
    }

    const options = OPTION_VALUES.map((column) => row.get(column));
    const sku = row.get('Variant SKU');
    const variantKey = sku !== '' ? sku : options.filter((value) => value !== '').join('-');

    result.items.push({
      line: row.line,
      key: variantKey === '' ? handle : `${handle}.${variantKey}`,
      sku,
      name: variantName(product.title, options),
      category: product.category,
      price: { field: 'Variant Price', value: row.get('Variant Price') },
      barcodes: [{ field: 'Variant Barcode', value: row.get('Variant Barcode') }],
      taxKeys: [],
      soldBy: 'each',
      active: product.active,
      stock: [{ field: 'Variant Inventory Qty', value: row.get('Variant Inventory Qty') }],
    });
  }
}

export const shopifyReader: FormatReader = {
  format: 'shopify',

  matches(header) {
    return ['Handle', 'Title', 'Variant Price'].every((column) => header.includes(column));
  },

  read(table) {
    const result = emptyResult();
    readRows(table, result);
    result.notes.push(
      'Shopify exports say whether a variant is taxable but not at which rate: set up tax rates by hand.',
    );
    return result;
  },
};
