import { describe, expect, it } from 'vitest';

import { isScientificNotation, parseScaledDecimal } from './decimal-text.ts';

describe('parseScaledDecimal', () => {
  it('turns prices into integer minor units without floats', () => {
    expect(parseScaledDecimal('19.40', 2)).toEqual({ ok: true, value: 1940 });
    expect(parseScaledDecimal('4.35', 2)).toEqual({ ok: true, value: 435 });
    expect(parseScaledDecimal('17.9', 2)).toEqual({ ok: true, value: 1790 });
    expect(parseScaledDecimal('25', 2)).toEqual({ ok: true, value: 2500 });
    expect(parseScaledDecimal('.5', 2)).toEqual({ ok: true, value: 50 });
    expect(parseScaledDecimal('0.00', 2)).toEqual({ ok: true, value: 0 });
  });

  it('accepts thousands separators, a currency sign and spaces', () => {
    expect(parseScaledDecimal('1,234.50', 2)).toEqual({ ok: true, value: 123450 });
    expect(parseScaledDecimal('$ 12.00', 2)).toEqual({ ok: true, value: 1200 });
    expect(parseScaledDecimal('-€3', 2)).toEqual({ ok: true, value: -300 });
  });

  it('ignores trailing zeros past the scale but refuses other extra decimals', () => {
    expect(parseScaledDecimal('-11.000', 3)).toEqual({ ok: true, value: -11000 });
    expect(parseScaledDecimal('25.000', 2)).toEqual({ ok: true, value: 2500 });
    expect(parseScaledDecimal('17.999', 2)).toMatchObject({ ok: false });
  });

  it('scales percentages to thousandths', () => {
    expect(parseScaledDecimal('6.625', 3)).toEqual({ ok: true, value: 6625 });
    expect(parseScaledDecimal('8', 3)).toEqual({ ok: true, value: 8000 });
  });

  it('refuses text, decimal commas and spreadsheet scientific notation', () => {
    expect(parseScaledDecimal('', 2)).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseScaledDecimal('variable', 2)).toMatchObject({ ok: false });
    expect(parseScaledDecimal('12,50', 2)).toMatchObject({ ok: false });
    expect(parseScaledDecimal('1.2.3', 2)).toMatchObject({ ok: false });
    expect(parseScaledDecimal('3.65275E+11', 2)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('scientific') as string,
    });
  });

  it('refuses numbers past the safe integer range', () => {
    expect(parseScaledDecimal('123456789012345678', 2)).toMatchObject({ ok: false });
  });
});

describe('isScientificNotation', () => {
  it('spots what spreadsheets make of long codes', () => {
    expect(isScientificNotation('3.65275E+11')).toBe(true);
    expect(isScientificNotation('8,85382E+12')).toBe(true);
    expect(isScientificNotation('1e5')).toBe(true);
    expect(isScientificNotation('365275101829')).toBe(false);
    expect(isScientificNotation('E12')).toBe(false);
  });
});
