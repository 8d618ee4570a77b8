import { describe, expect, it } from 'vitest';

import { readBarcode } from './barcode-field.ts';

describe('readBarcode', () => {
  it('keeps valid GTINs with their leading zeros', () => {
    expect(readBarcode('012000803703')).toEqual({ code: '012000803703', warnings: [] });
    expect(readBarcode('8853815007045')).toEqual({ code: '8853815007045', warnings: [] });
  });

  it('normalises UPC-E to its UPC-A', () => {
    expect(readBarcode('02345673')).toEqual({ code: '023456000073', warnings: [] });
  });

  it('keeps a wrong check digit as a plain scan code, with a warning', () => {
    const outcome = readBarcode('365275101829');
    expect(outcome.code).toBe('365275101829');
    expect(outcome.warnings).toEqual([expect.stringMatching(/check digit.*plain scan code/)]);
  });

  it('drops scientific notation, whose digits are gone', () => {
    const outcome = readBarcode('3.65275E+11');
    expect(outcome.code).toBeNull();
    expect(outcome.warnings).toEqual([expect.stringContaining('scientific notation')]);
  });

  it('removes a raw GS control character and says so', () => {
    const outcome = readBarcode('910051714753\u001d1124112593030414');
    expect(outcome.code).toBe('9100517147531124112593030414');
    expect(outcome.warnings).toEqual([expect.stringContaining('0x1d')]);
  });

  it('restores the leading zero a spreadsheet took from a UPC-A', () => {
    const outcome = readBarcode('12000803703');
    expect(outcome.code).toBe('012000803703');
    expect(outcome.warnings).toEqual([expect.stringContaining('leading zero')]);
  });

  it('keeps store codes of other shapes as they are', () => {
    expect(readBarcode('B33080')).toEqual({ code: 'B33080', warnings: [] });
    expect(readBarcode('10325')).toEqual({ code: '10325', warnings: [] });
  });

  it('unwraps spreadsheet text tricks', () => {
    expect(readBarcode('="012000803703"').code).toBe('012000803703');
    expect(readBarcode("'012000803703").code).toBe('012000803703');
  });

  it('reads empty cells as no barcode', () => {
    expect(readBarcode('  ')).toEqual({ code: null, warnings: [] });
  });

  it('drops codes too long for a product', () => {
    expect(readBarcode('A'.repeat(65)).code).toBeNull();
  });
});
