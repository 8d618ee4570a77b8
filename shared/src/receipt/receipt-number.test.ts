import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatReceiptNumber, parseReceiptNumber } from './receipt-number.ts';

describe('receipt numbers', () => {
  it('pads the sequence to six digits and grows beyond', () => {
    expect(formatReceiptNumber('MS', 'T1', 42)).toBe('MS-T1-000042');
    expect(formatReceiptNumber('MS', 'T1', 1_234_567)).toBe('MS-T1-1234567');
  });

  it('refuses bad codes and sequences', () => {
    expect(() => formatReceiptNumber('ms', 'T1', 1)).toThrow(RangeError);
    expect(() => formatReceiptNumber('MS', 'T-1', 1)).toThrow(RangeError);
    expect(() => formatReceiptNumber('MS', 'T1', 0)).toThrow(RangeError);
    expect(() => formatReceiptNumber('MS', 'T1', 1.5)).toThrow(RangeError);
  });

  it('parses canonical numbers only', () => {
    expect(parseReceiptNumber('MS-T1-000042')).toEqual({
      storeCode: 'MS',
      deviceCode: 'T1',
      seq: 42,
    });
    for (const text of [
      'MS-T1-42',
      'MS-T1-0000042',
      'MS-T1-000000',
      'ms-T1-000042',
      'MS-T1-00004a',
      '',
    ]) {
      expect(parseReceiptNumber(text)).toBeNull();
    }
  });

  it('round-trips', () => {
    const code = fc.stringMatching(/^[A-Z0-9]{1,6}$/);
    fc.assert(
      fc.property(code, code, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (s, d, seq) => {
        const text = formatReceiptNumber(s, d, seq);
        expect(parseReceiptNumber(text)).toEqual({ storeCode: s, deviceCode: d, seq });
      }),
    );
  });
});
