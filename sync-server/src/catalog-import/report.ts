import type { TextEncodingName } from './decode-text.ts';
import type { FormatName, SkippedRow, SuspiciousValue } from './source-item.ts';

export interface ImportReport {
  format: FormatName;
  file: string;
  encoding: TextEncodingName;
  /** Data records read, header and blank lines not counted. */
  rowsRead: number;
  /** Products imported, or that would be with --dry-run. */
  itemsImported: number;
  categories: number;
  taxRates: number;
  skipped: SkippedRow[];
  suspicious: SuspiciousValue[];
  /** File-wide remarks that concern no single line. */
  notes: string[];
}

/** Counts per reason with the line numbers cut to the first few, for a terminal. */
function groupByReason(rows: readonly { line: number; reason: string }[]): string[] {
  const groups = new Map<string, number[]>();
  for (const { line, reason } of rows) {
    // Reasons that quote the value differ per row; group them by their wording only.
    const key = reason
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\d{4,}/g, '…')
      .replace(/line \d+/g, 'line …');
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }

  return [...groups].map(([reason, lines]) => {
    const shown = lines.slice(0, 8).join(', ');
    const more = lines.length > 8 ? `, … (${lines.length - 8} more)` : '';
    return `  ${lines.length} × ${reason} (line ${shown}${more})`;
  });
}

export function summarize(report: ImportReport, dryRun: boolean): string {
  const verb = dryRun ? 'would import' : 'imported';
  const lines = [
    `${report.file}: ${report.format} export, ${report.encoding}`,
    `${report.rowsRead} rows read; ${verb} ${report.itemsImported} items, ` +
      `${report.categories} categories, ${report.taxRates} tax rates`,
  ];

  if (report.skipped.length > 0) {
    lines.push(`${report.skipped.length} rows skipped:`, ...groupByReason(report.skipped));
  }
  if (report.suspicious.length > 0) {
    const rows = report.suspicious.map((s) => ({
      line: s.line,
      reason: `${s.field}: ${s.reason}`,
    }));
    lines.push(`${report.suspicious.length} suspicious values:`, ...groupByReason(rows));
  }
  lines.push(...report.notes);

  return lines.join('\n');
}
