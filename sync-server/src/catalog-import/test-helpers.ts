import { prepareImport, type PreparedImport } from './import-file.ts';

export const NOW = '2025-01-02T03:04:05.000Z';

/** Runs the whole import on inline CSV lines, as a file would arrive. */
export function importCsv(lines: readonly string[], eol = '\n'): PreparedImport {
  return prepareImport('sample.csv', new TextEncoder().encode(lines.join(eol)), NOW);
}

/** The reasons of the suspicious values, with their lines, for compact assertions. */
export function reasons(prepared: PreparedImport): string[] {
  return prepared.report.suspicious.map((s) => `${s.line} ${s.field}: ${s.reason}`);
}
