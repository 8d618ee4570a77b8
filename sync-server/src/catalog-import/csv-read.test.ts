import { describe, expect, it } from 'vitest';

import { CsvError, guessDelimiter, readCsvRecords, readCsvTable } from './csv-read.ts';

describe('readCsvRecords', () => {
  it('splits plain fields and keeps them as text', () => {
    expect(readCsvRecords('a,b,c\n007,3.65275E+11,\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['007', '3.65275E+11', ''] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'name,desc\n"Hat, straw","5""(L) Brim\nline two"\nnext,x\n';
    expect(readCsvRecords(text)).toEqual([
      { line: 1, fields: ['name', 'desc'] },
      { line: 2, fields: ['Hat, straw', '5"(L) Brim\nline two'] },
      { line: 4, fields: ['next', 'x'] },
    ]);
  });

  it('handles CRLF line ends, including inside quoted fields', () => {
    const text = 'a,b\r\n"x\r\ny",z\r\nlast,row';
    expect(readCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\r\ny', 'z'] },
      { line: 4, fields: ['last', 'row'] },
    ]);
  });

  it('handles old Mac CR line ends', () => {
    expect(readCsvRecords('a,b\rc,d\r').map((r) => r.line)).toEqual([1, 2]);
  });

  it('drops a UTF-8 byte order mark before the first header', () => {
    expect(readCsvRecords('\ufeffHandle,Title\n')[0]?.fields).toEqual(['Handle', 'Title']);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(readCsvRecords('5"(L),x\n')[0]?.fields).toEqual(['5"(L)', 'x']);
  });

  it('refuses a quoted field that never closes, naming its line', () => {
    expect(() => readCsvRecords('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    expect(() => readCsvRecords('a,b\n1,"open\n2,3\n')).toThrow(/line 2/);
  });

  it('reads semicolon and tab separated files', () => {
    expect(guessDelimiter('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(readCsvRecords('a;b\n1,5;2\n')[1]?.fields).toEqual(['1,5', '2']);
  });
});

describe('readCsvTable', () => {
  it('separates the header, drops blank lines and pads short rows', () => {
    const table = readCsvTable(' Handle ,Title,Price\n\nx,y\n,,\nz,w,3\n');
    expect(table.header).toEqual(['Handle', 'Title', 'Price']);
    expect(table.records).toEqual([
      { line: 3, fields: ['x', 'y', ''] },
      { line: 5, fields: ['z', 'w', '3'] },
    ]);
  });

  it('refuses an empty file', () => {
    expect(() => readCsvTable('\n\n')).toThrow(CsvError);
  });
});
