import { describe, expect, it } from 'vitest';

import { summarize, type ImportReport } from './report.ts';

const report: ImportReport = {
  format: 'loyverse',
  file: 'items.csv',
  encoding: 'windows-1252',
  rowsRead: 12,
  itemsImported: 10,
  categories: 2,
  taxRates: 1,
  skipped: [
    { line: 3, reason: 'no Price [Shop]: variable-price items are not imported' },
    { line: 9, reason: 'no Price [Shop]: variable-price items are not imported' },
  ],
  suspicious: [
    { line: 4, field: 'In stock [Shop]', value: '-1', reason: 'negative stock' },
    { line: 5, field: 'In stock [Shop]', value: '-2', reason: 'negative stock' },
    { line: 6, field: 'Barcode', value: '1', reason: '12345678 has a bad check digit' },
    { line: 7, field: 'Barcode', value: '2', reason: '87654321 has a bad check digit' },
  ],
  notes: ['The file is not valid UTF-8; it was decoded as windows-1252.'],
};

describe('summarize', () => {
  it('groups skipped rows and suspicious values by reason, with their lines', () => {
    expect(summarize(report, true).split('\n')).toEqual([
      'items.csv: loyverse export, windows-1252',
      '12 rows read; would import 10 items, 2 categories, 1 tax rates',
      '2 rows skipped:',
      '  2 × no Price [Shop]: variable-price items are not imported (line 3, 9)',
      '4 suspicious values:',
      '  2 × In stock [Shop]: negative stock (line 4, 5)',
      '  2 × Barcode: … has a bad check digit (line 6, 7)',
      'The file is not valid UTF-8; it was decoded as windows-1252.',
    ]);
  });

  it('says "imported" once written and shortens long line lists', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ line: i + 2, reason: 'no name' }));
    const text = summarize({ ...report, skipped: many, suspicious: [], notes: [] }, false);
    expect(text).toContain('imported 10 items');
    expect(text).toContain('10 × no name (line 2, 3, 4, 5, 6, 7, 8, 9, … (2 more))');
  });
});
