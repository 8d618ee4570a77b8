import type { CsvRecord, CsvTable } from './csv-read.ts';

export type FormatName = 'shopify' | 'square' | 'loyverse' | 'vend';

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface SuspiciousValue {
  line: number;
  field: string;
  value: string;
  reason: string;
}

/** A value together with the column it came from, so warnings can name the column. */
export interface SourceField {
  field: string;
  value: string;
}

/** A tax with its rate as a source file defines it; taxes named without a rate go to notes. */
export interface SourceTax {
  key: string;
  name: string;
  rateMilliPercent: number;
}

/**
 * One sellable item as read from a row, before any validation: every value is still the text
 * of the file, so the checks (prices, barcodes, stock) live in one place for all formats.
 */
export interface SourceItem {
  line: number;
  /** Stable identity within the source system; the document id is derived from it. */
  key: string;
  sku: string;
  name: string;
  category: string;
  price: SourceField;
  barcodes: SourceField[];
  /** Keys of `FormatResult.taxes` that apply to this item. */
  taxKeys: string[];
  soldBy: 'each' | 'weight';
  active: boolean;
  stock: SourceField[];
}

export interface FormatResult {
  items: SourceItem[];
  taxes: SourceTax[];
  skipped: SkippedRow[];
  suspicious: SuspiciousValue[];
  /** File-wide remarks, e.g. that the format carries no tax rates. */
  notes: string[];
}

export interface FormatReader {
  format: FormatName;
  /** True when the header row is this format's. */
  matches(header: readonly string[]): boolean;
  read(table: CsvTable): FormatResult;
}

/** Reads fields by column name; a missing column reads as empty text. */
export interface RowView {
  line: number;
  get(column: string): string;
}

export function rowReader(header: readonly string[]): (record: CsvRecord) => RowView {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });

  return (record) => ({
    line: record.line,
    get(column) {
      const i = index.get(column);
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    },
  });
}

export function emptyResult(): FormatResult {
  return { items: [], taxes: [], skipped: [], suspicious: [], notes: [] };
}

/** "Title - Red / L", leaving out Shopify's and Loyverse's placeholder for a single variant. */
export function variantName(base: string, optionValues: readonly string[]): string {
  const values = optionValues.filter((value) => value !== '' && value !== 'Default Title');
  return values.length === 0 ? base : `${base} - ${values.join(' / ')}`;
}
