import {
  categorySchema,
  productSchema,
  taxRateSchema,
  type Category,
  type Product,
  type TaxRate,
} from '@pos/shared';

import { readBarcode } from './barcode-field.ts';
import { cleanName, truncate } from './clean-text.ts';
import { isScientificNotation, parseScaledDecimal } from './decimal-text.ts';
import { categoryId, itemId, taxRateId } from './doc-ids.ts';
import type {
  FormatName,
  FormatResult,
  SkippedRow,
  SourceItem,
  SuspiciousValue,
} from './source-item.ts';

export interface BuiltCatalog {
  products: Product[];
  categories: Category[];
  taxRates: TaxRate[];
  skipped: SkippedRow[];
  suspicious: SuspiciousValue[];
}

const PRICE_DECIMALS = 2;
const MAX_BARCODES = 20;

type Problems = Pick<BuiltCatalog, 'skipped' | 'suspicious'>;

function zodProblem(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
}

/** Minor units, or a reason the row cannot be sold at a fixed price. */
function readPrice(item: SourceItem, problems: Problems): number | null {
  const { field, value } = item.price;
  if (value === '') {
    problems.skipped.push({
      line: item.line,
      reason: `no ${field}: variable-price items are not imported`,
    });
    return null;
  }

  const parsed = parseScaledDecimal(value, PRICE_DECIMALS);
  if (!parsed.ok) {
    problems.skipped.push({ line: item.line, reason: `${field} "${value}": ${parsed.reason}` });
    return null;
  }
  if (parsed.value < 0) {
    problems.skipped.push({ line: item.line, reason: `${field} "${value}" is negative` });
    return null;
  }
  if (parsed.value === 0) {
    problems.suspicious.push({ line: item.line, field, value, reason: 'price is zero' });
  }

  return parsed.value;
}

function readSku(item: SourceItem, problems: Problems): string {
  const sku = cleanName(item.sku);
  const line = item.line;

  if (sku === '') {
    const made = truncate(item.key, 64);
    problems.suspicious.push({ line, field: 'sku', value: '', reason: `no SKU; used "${made}"` });
    return made;
  }
  if (isScientificNotation(sku)) {
    problems.suspicious.push({
      line,
      field: 'sku',
      value: sku,
      reason: 'scientific notation from a spreadsheet: the SKU digits are lost',
    });
  }
  if (sku.length > 64) {
    problems.suspicious.push({ line, field: 'sku', value: sku, reason: 'cut to 64 characters' });
  }

  return truncate(sku, 64);
}

function readStock(item: SourceItem, problems: Problems): void {
  for (const { field, value } of item.stock) {
    if (value === '') continue;

    const parsed = parseScaledDecimal(value, 3);
    if (!parsed.ok) {
      problems.suspicious.push({ line: item.line, field, value, reason: parsed.reason });
    } else if (parsed.value < 0) {
      problems.suspicious.push({ line: item.line, field, value, reason: 'negative stock' });
    }
  }
}

/** Builds validated documents from what a format reader found, reporting what it drops. */
export function buildCatalog(format: FormatName, source: FormatResult, now: string): BuiltCatalog {
  const problems: Problems = { skipped: [...source.skipped], suspicious: [...source.suspicious] };
  const base = { updatedAt: now, _deleted: false };

  const taxRates: TaxRate[] = [];
  const taxIds = new Map<string, string>();
  for (const tax of source.taxes) {
    const doc = { ...base, id: taxRateId(format, tax.key), name: truncate(tax.name, 80) };
    const parsed = taxRateSchema.safeParse({ ...doc, rateMilliPercent: tax.rateMilliPercent });
    if (!parsed.success) {
      const value = String(tax.rateMilliPercent);
      const reason = `tax not imported: ${zodProblem(parsed.error.issues)}`;
      problems.suspicious.push({ line: 1, field: tax.name, value, reason });
    } else if (!taxIds.has(tax.key)) {
      taxRates.push(parsed.data);
      taxIds.set(tax.key, parsed.data.id);
    }
  }

  const categories: Category[] = [];
  const categoryIds = new Map<string, string>();
  const categoryFor = (raw: string): string | null => {
    const name = truncate(cleanName(raw), 80);
    if (name === '') return null;

    const id = categoryId(format, name);
    if (!categoryIds.has(id)) {
      const doc = { ...base, id, name, color: '', sortOrder: categories.length * 10 };
      categories.push(categorySchema.parse(doc));
      categoryIds.set(id, name);
    }
    return id;
  };

  const products: Product[] = [];
  const lineById = new Map<string, number>();
  const lineByBarcode = new Map<string, number>();

  for (const item of source.items) {
    const id = itemId(format, item.key);
    const seenOn = lineById.get(id);
    if (seenOn !== undefined) {
      problems.skipped.push({ line: item.line, reason: `same item as line ${seenOn}` });
      continue;
    }

    const name = cleanName(item.name);
    if (name === '') {
      problems.skipped.push({ line: item.line, reason: 'no name' });
      continue;
    }
    if (name.length > 200) {
      problems.suspicious.push({
        line: item.line,
        field: 'name',
        value: name,
        reason: 'cut to 200 characters',
      });
    }

    const price = readPrice(item, problems);
    if (price === null) continue;

    readStock(item, problems);
    const sku = readSku(item, problems);

    const barcodes: string[] = [];
    for (const { field, value } of item.barcodes) {
      const outcome = readBarcode(value);
      for (const reason of outcome.warnings) {
        problems.suspicious.push({ line: item.line, field, value, reason });
      }
      if (outcome.code === null || barcodes.includes(outcome.code)) continue;

      const otherLine = lineByBarcode.get(outcome.code);
      if (otherLine !== undefined) {
        problems.suspicious.push({
          line: item.line,
          field,
          value,
          reason: `same barcode as the item on line ${otherLine}`,
        });
      }
      if (barcodes.length < MAX_BARCODES) barcodes.push(outcome.code);
    }

    const product = productSchema.safeParse({
      ...base,
      id,
      sku,
      name: truncate(name, 200),
      categoryId: categoryFor(item.category),
      barcodes,
      price,
      taxRateIds: item.taxKeys.flatMap((key) => taxIds.get(key) ?? []),
      soldBy: item.soldBy,
      active: item.active,
    });
    if (!product.success) {
      problems.skipped.push({ line: item.line, reason: zodProblem(product.error.issues) });
      continue;
    }

    products.push(product.data);
    lineById.set(id, item.line);
    for (const code of barcodes) {
      if (!lineByBarcode.has(code)) lineByBarcode.set(code, item.line);
    }
  }

  const byLine = (a: { line: number }, b: { line: number }): number => a.line - b.line;
  return {
    products,
    categories,
    taxRates,
    skipped: problems.skipped.sort(byLine),
    suspicious: problems.suspicious.sort(byLine),
  };
}
