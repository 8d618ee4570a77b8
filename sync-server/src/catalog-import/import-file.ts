import { readFile } from 'node:fs/promises';

import { buildCatalog, type BuiltCatalog } from './build-catalog.ts';
import { readCsvTable } from './csv-read.ts';
import { decodeText } from './decode-text.ts';
import { detectFormat, formatReaders } from './detect-format.ts';
import type { ImportReport } from './report.ts';

export class UnknownFormatError extends Error {
  override readonly name = 'UnknownFormatError';
}

export interface PreparedImport {
  report: ImportReport;
  catalog: BuiltCatalog;
}

/** Reads, recognises and converts an export; nothing is written. */
export function prepareImport(file: string, bytes: Uint8Array, now: string): PreparedImport {
  const { text, encoding } = decodeText(bytes);
  const table = readCsvTable(text);

  const reader = detectFormat(table.header);
  if (reader === null) {
    const known = formatReaders.map((r) => r.format).join(', ');
    const seen = table.header.slice(0, 6).join(', ');
    throw new UnknownFormatError(
      `${file}: the header row (${seen}, …) is not one of the known exports (${known})`,
    );
  }

  const source = reader.read(table);
  const catalog = buildCatalog(reader.format, source, now);
  const notes = [...source.notes];
  if (encoding === 'windows-1252') {
    notes.unshift('The file is not valid UTF-8; it was decoded as windows-1252.');
  }

  const report: ImportReport = {
    format: reader.format,
    file,
    encoding,
    rowsRead: table.records.length,
    itemsImported: catalog.products.length,
    categories: catalog.categories.length,
    taxRates: catalog.taxRates.length,
    skipped: catalog.skipped,
    suspicious: catalog.suspicious,
    notes,
  };
  return { report, catalog };
}

export async function prepareImportFile(file: string, now: string): Promise<PreparedImport> {
  return prepareImport(file, new Uint8Array(await readFile(file)), now);
}
