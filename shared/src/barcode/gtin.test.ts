import { describe, expect, it } from 'vitest';

import { expandUpcE, gtinCheckDigit, isUpcEShape, validateGtin } from './gtin.ts';

// Expected check digits were worked out independently (python, GS1 mod-10 by hand).
describe('gtinCheckDigit', () => {
  it('computes the GS1 mod-10 digit for every GTIN length', () => {
    expect(gtinCheckDigit('1234567')).toBe(0);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('0001234560001')).toBe(2);
  });

  it('weights from the right, so leading zeros do not change the digit', () => {
    expect(gtinCheckDigit('000400638133393')).toBe(gtinCheckDigit('400638133393'));
  });

  it('refuses anything but digits', () => {
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
    expect(() => gtinCheckDigit('12a4')).toThrow(RangeError);
  });
});

describe('expandUpcE', () => {
  it('expands the public case 02345673 to 023456000073', () => {
    expect(expandUpcE('02345673')).toBe('023456000073');
  });

  it('follows the GS1 rule for each last digit', () => {
    expect(expandUpcE('01234505')).toBe('012000003455');
    expect(expandUpcE('01234515')).toBe('012100003455');
    expect(expandUpcE('01234525')).toBe('012200003455');
    expect(expandUpcE('01234535')).toBe('012300000455');
    expect(expandUpcE('01234545')).toBe('012340000055');
    expect(expandUpcE('01234555')).toBe('012345000055');
    expect(expandUpcE('01234595')).toBe('012345000095');
    expect(expandUpcE('11234595')).toBe('112345000095');
  });

  it('refuses shapes that cannot be UPC-E', () => {
    expect(isUpcEShape('22345673')).toBe(false);
    expect(() => expandUpcE('22345673')).toThrow(RangeError);
    expect(() => expandUpcE('0234567')).toThrow(RangeError);
  });
});

describe('validateGtin', () => {
  it('accepts the public EAN-8 12345670 and rejects 12345678', () => {
    expect(validateGtin('12345670')).toEqual({ ok: true, kind: 'EAN8', normalized: '12345670' });
    expect(validateGtin('12345678')).toMatchObject({ ok: false, code: 'bad_check_digit' });
  });

  it('validates UPC-E through its UPC-A and normalises to that UPC-A', () => {
    expect(validateGtin('02345673')).toEqual({
      ok: true,
      kind: 'UPCE',
      normalized: '023456000073',
    });
    expect(validateGtin('02345674')).toMatchObject({ ok: false, code: 'bad_check_digit' });
  });

  it('reads an 8-digit code that only passes as EAN-8 as EAN-8', () => {
    // EAN-8 check digit of 0123450 is 3; as UPC-E it expands to 012000003453, whose is not 3.
    expect(gtinCheckDigit('0123450')).toBe(3);
    expect(gtinCheckDigit('01200000345')).not.toBe(3);
    expect(validateGtin('01234503')).toEqual({ ok: true, kind: 'EAN8', normalized: '01234503' });
  });

  it('accepts EAN-8 codes that cannot be UPC-E', () => {
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(validateGtin('96385074')).toEqual({ ok: true, kind: 'EAN8', normalized: '96385074' });
  });

  it('accepts UPC-A, EAN-13 and GTIN-14 keeping leading zeros', () => {
    expect(validateGtin('036000291452')).toEqual({
      ok: true,
      kind: 'UPCA',
      normalized: '036000291452',
    });
    expect(validateGtin('4006381333931')).toEqual({
      ok: true,
      kind: 'EAN13',
      normalized: '4006381333931',
    });
    expect(validateGtin('00012345600012')).toEqual({
      ok: true,
      kind: 'GTIN14',
      normalized: '00012345600012',
    });
  });

  it('reports a wrong check digit for each length', () => {
    for (const code of ['036000291453', '4006381333932', '00012345600013']) {
      expect(validateGtin(code)).toMatchObject({ ok: false, code: 'bad_check_digit' });
    }
  });

  it('reports lengths that are not GTINs', () => {
    for (const code of ['', '1234567', '123456789', '12345678901', '123456789012345']) {
      expect(validateGtin(code)).toMatchObject({ ok: false, code: 'bad_length' });
    }
  });

  it('reports non-digits instead of cleaning them', () => {
    for (const code of [
      '4006381333931 ',
      '3.65275E+11',
      '4006381-333931',
      '４００６３８１３３３９３１',
    ]) {
      const result = validateGtin(code);
      expect(result).toMatchObject({ ok: false, code: 'not_digits' });
      expect(result.ok || result.message.length > 0).toBe(true);
    }
  });
});
