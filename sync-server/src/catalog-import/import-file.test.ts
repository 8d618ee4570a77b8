import { describe, expect, it } from 'vitest';

import { prepareImport, UnknownFormatError } from './import-file.ts';
import { NOW } from './test-helpers.ts';

const LOYVERSE_HEADER = 'Handle,SKU,Name,Category,Sold by weight,Barcode,Price [Shop]';

function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (char) => char.charCodeAt(0)));
}

describe('prepareImport', () => {
  it('reads a windows-1252 file and says so', () => {
    // "Café" with é as the single byte 0xE9, and a euro sign 0x80 in the category.
    const bytes = latin1Bytes(`${LOYVERSE_HEADER}\ncafe,1,Caf\u00e9,\u0080 deals,N,,2.50\n`);
    const { report, catalog } = prepareImport('old.csv', bytes, NOW);

    expect(report.encoding).toBe('windows-1252');
    expect(report.notes[0]).toContain('windows-1252');
    expect(catalog.products[0]?.name).toBe('Café');
    expect(catalog.categories[0]?.name).toBe('€ deals');
  });

  it('stamps every document with the time given and as not deleted', () => {
    const bytes = new TextEncoder().encode(`${LOYVERSE_HEADER}\ncafe,1,Cafe,Drinks,N,,2.50\n`);
    const { catalog } = prepareImport('new.csv', bytes, NOW);

    for (const doc of [...catalog.products, ...catalog.categories]) {
      expect(doc).toMatchObject({ updatedAt: NOW, _deleted: false });
    }
  });

  it('skips a second row with the same source id', () => {
    const text = `${LOYVERSE_HEADER}\na,1,A,,N,,1\nb,1,B,,N,,2\n`;
    const { report } = prepareImport('dup.csv', new TextEncoder().encode(text), NOW);

    expect(report.itemsImported).toBe(1);
    expect(report.skipped).toEqual([{ line: 3, reason: 'same item as line 2' }]);
  });

  it('flags a barcode that two items share', () => {
    const text = `${LOYVERSE_HEADER}\na,1,A,,N,80073857,1\nb,2,B,,N,80073857,2\n`;
    const { report } = prepareImport('dup.csv', new TextEncoder().encode(text), NOW);

    expect(report.itemsImported).toBe(2);
    expect(report.suspicious).toEqual([
      {
        line: 3,
        field: 'Barcode',
        value: '80073857',
        reason: 'same barcode as the item on line 2',
      },
    ]);
  });

  it('refuses a header it does not know, naming the columns it saw', () => {
    const bytes = new TextEncoder().encode(
      'Date,Time,Transaction,Item\n2016-10-30,09:58:11,1,Bread\n',
    );
    expect(() => prepareImport('x.csv', bytes, NOW)).toThrow(UnknownFormatError);
    expect(() => prepareImport('x.csv', bytes, NOW)).toThrow(/Date, Time, Transaction, Item/);
  });
});
