import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  assertMinor,
  currencyExponent,
  formatMoney,
  minorToDecimalString,
  parseMoney,
} from './money.ts';

describe('currencyExponent', () => {
  it('knows how many decimals each currency has', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('CAD')).toBe(2);
    expect(currencyExponent('BHD')).toBe(3);
  });
});

describe('formatMoney', () => {
  it('formats minor units with the currency and locale', () => {
    expect(formatMoney(195, 'CAD')).toBe('$1.95');
    expect(formatMoney(-123456, 'USD', 'en-US')).toBe('-$1,234.56');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
    expect(formatMoney(5, 'EUR', 'de-DE')).toBe('0,05\u00a0€');
  });

  it('stays exact for amounts a float would blur', () => {
    expect(minorToDecimalString(9_007_199_254_740_991, 'USD')).toBe('90071992547409.91');
    expect(minorToDecimalString(-7, 'CAD')).toBe('-0.07');
  });
});

describe('parseMoney', () => {
  it('reads what a cashier types', () => {
    expect(parseMoney('1.95', 'CAD')).toBe(195);
    expect(parseMoney('1,95', 'EUR')).toBe(195);
    expect(parseMoney(' $1,234.50 ', 'USD')).toBe(123450);
    expect(parseMoney('1.234,50 €', 'EUR')).toBe(123450);
    expect(parseMoney('1,234,567', 'USD')).toBe(123456700);
    expect(parseMoney('3', 'CAD')).toBe(300);
    expect(parseMoney('.5', 'CAD')).toBe(50);
    expect(parseMoney('-2.05', 'CAD')).toBe(-205);
    expect(parseMoney('1,234', 'JPY')).toBe(1234);
    expect(parseMoney('CAD 2', 'CAD')).toBe(200);
  });

  it('refuses what is not an amount, or too precise for the currency', () => {
    for (const text of ['abc', '', '.', '1.2.3', '1.955', '1,5', '1,23,4.00', '1.234,5.6', '--1']) {
      expect(parseMoney(text, text === '1,5' ? 'JPY' : 'CAD')).toBeNull();
    }
    expect(parseMoney('1.5', 'JPY')).toBeNull();
    expect(parseMoney('99999999999999', 'CAD')).toBeNull();
  });

  it('reads back what it formats as a plain decimal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom('CAD', 'JPY', 'BHD'),
        (minor, currency) => {
          expect(parseMoney(minorToDecimalString(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });
});

describe('assertMinor', () => {
  it('throws on anything but a safe integer', () => {
    expect(() => assertMinor(1.5)).toThrow(RangeError);
    expect(() => assertMinor(Number.NaN)).toThrow(RangeError);
    expect(() => assertMinor(2 ** 60)).toThrow(RangeError);
    expect(() => assertMinor(-42)).not.toThrow();
  });
});
