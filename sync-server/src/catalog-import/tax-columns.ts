import { parseScaledDecimal } from './decimal-text.ts';
import type { SourceTax } from './source-item.ts';

export interface TaxColumn {
  column: string;
  tax: SourceTax;
}

/**
 * Square ("Tax - NJ Sales Tax (6.625%)") and Loyverse ('Tax - "GST" (8%)') keep each tax's
 * name and rate in a column header, with Y/N per item below it.
 */
const TAX_HEADER = /^Tax - "?(.+?)"? \((\d+(?:\.\d+)?)\s*%\)$/;

export function findTaxColumns(header: readonly string[]): TaxColumn[] {
  return header.flatMap((column) => {
    const match = TAX_HEADER.exec(column);
    const name = match?.[1];
    const percent = parseScaledDecimal(match?.[2] ?? '', 3);
    if (name === undefined || !percent.ok) return [];

    return [{ column, tax: { key: name, name, rateMilliPercent: percent.value } }];
  });
}

/** "Y" (also "yes", "true", "1") marks the tax as applying to the item. */
export function isYes(value: string): boolean {
  return /^(y|yes|true|1)$/i.test(value.trim());
}
