import { describe, expect, it } from 'vitest';

import { gtinCheckDigit } from './gtin.ts';
import {
  decodeVariableMeasure,
  valueCheckDigit,
  variableMeasureRuleSchema,
  type VariableMeasureRule,
} from './variable-measure.ts';

function withCheckDigit(body: string): string {
  return `${body}${gtinCheckDigit(body)}`;
}

const pricePlain: VariableMeasureRule = {
  prefixes: ['20'],
  itemCodeLength: 5,
  value: 'price',
  valueDigits: 5,
  decimals: 2,
  hasValueCheckDigit: false,
};

const priceChecked: VariableMeasureRule = {
  prefixes: ['21'],
  itemCodeLength: 4,
  value: 'price',
  valueDigits: 5,
  decimals: 2,
  hasValueCheckDigit: true,
};

const weightKg: VariableMeasureRule = {
  prefixes: ['28', '29'],
  itemCodeLength: 5,
  value: 'weight',
  valueDigits: 5,
  decimals: 3,
  hasValueCheckDigit: false,
};

describe('valueCheckDigit', () => {
  it('matches the GS1 worked examples for 4 and 5 digits', () => {
    expect(valueCheckDigit('2875')).toBe(9);
    expect(valueCheckDigit('14685')).toBe(6);
  });

  it('is undefined for other lengths', () => {
    expect(valueCheckDigit('123')).toBeNull();
    expect(valueCheckDigit('123456')).toBeNull();
    expect(valueCheckDigit('12a4')).toBeNull();
  });
});

describe('decodeVariableMeasure', () => {
  it('reads price digits 01940 as 19.40, i.e. 1940 minor units (public case)', () => {
    expect(decodeVariableMeasure('2012345019409', [pricePlain])).toEqual({
      prefix: '20',
      itemCode: '12345',
      priceMinor: 1940,
    });
  });

  it('reads a weight in grams, which is also the quantity in thousandths', () => {
    expect(decodeVariableMeasure('2900001015004', [pricePlain, weightKg])).toEqual({
      prefix: '29',
      itemCode: '00001',
      weightGrams: 1500,
      quantity: 1500,
    });
  });

  it('scales the embedded value to grams and to the currency minor units', () => {
    const weightHundredths = { ...weightKg, decimals: 2 };
    expect(decodeVariableMeasure('2900001015004', [weightHundredths])?.weightGrams).toBe(15000);

    const priceWhole = { ...pricePlain, decimals: 0 };
    expect(decodeVariableMeasure('2012345019409', [priceWhole])?.priceMinor).toBe(194000);

    const priceThree = { ...pricePlain, decimals: 3 };
    expect(decodeVariableMeasure('2012345019409', [priceThree])?.priceMinor).toBe(194);
    expect(
      decodeVariableMeasure('2012345019409', [pricePlain], { currencyDecimals: 0 })?.priceMinor,
    ).toBe(19);
  });

  it('checks the value check digit when the rule has one', () => {
    expect(decodeVariableMeasure(withCheckDigit('211234614685'), [priceChecked])).toEqual({
      prefix: '21',
      itemCode: '1234',
      priceMinor: 14685,
    });
    expect(decodeVariableMeasure(withCheckDigit('211234514685'), [priceChecked])).toBeNull();
  });

  it('handles prefix 02 and the 12-digit UPC-A form of it', () => {
    const rule02: VariableMeasureRule = {
      prefixes: ['02'],
      itemCodeLength: 5,
      value: 'price',
      valueDigits: 4,
      decimals: 2,
      hasValueCheckDigit: true,
    };
    const expected = { prefix: '02', itemCode: '01234', priceMinor: 2875 };
    expect(decodeVariableMeasure('0201234928751', [rule02])).toEqual(expected);
    expect(decodeVariableMeasure('201234928751', [rule02])).toEqual(expected);
  });

  it('returns null for a wrong EAN-13 check digit, no matching prefix or non-digits', () => {
    expect(decodeVariableMeasure('2012345019408', [pricePlain])).toBeNull();
    expect(decodeVariableMeasure('2912345019404', [pricePlain])).toBeNull();
    expect(decodeVariableMeasure('4006381333931', [pricePlain, weightKg])).toBeNull();
    expect(decodeVariableMeasure('20123450194x9', [pricePlain])).toBeNull();
    expect(decodeVariableMeasure('20123450', [pricePlain])).toBeNull();
  });

  it('prefers the longest matching prefix', () => {
    const specific = { ...pricePlain, prefixes: ['201'], itemCodeLength: 4 };
    expect(decodeVariableMeasure('2012345019409', [pricePlain, specific])).toMatchObject({
      prefix: '201',
      itemCode: '2345',
    });
  });

  it('ignores rules whose layout is not 13 digits', () => {
    const broken = { ...pricePlain, itemCodeLength: 6 };
    expect(decodeVariableMeasure('2012345019409', [broken])).toBeNull();
  });
});

describe('variableMeasureRuleSchema', () => {
  it('accepts consistent rules', () => {
    for (const rule of [pricePlain, priceChecked, weightKg]) {
      expect(variableMeasureRuleSchema.safeParse(rule).success).toBe(true);
    }
  });

  it('rejects layouts that do not add up to 13 digits', () => {
    expect(variableMeasureRuleSchema.safeParse({ ...pricePlain, valueDigits: 4 }).success).toBe(
      false,
    );
  });

  it('rejects value check digits on lengths GS1 does not define', () => {
    const rule = { ...pricePlain, itemCodeLength: 3, valueDigits: 6, hasValueCheckDigit: true };
    expect(variableMeasureRuleSchema.safeParse(rule).success).toBe(false);
  });

  it('rejects prefixes outside 02 and 20-29', () => {
    expect(variableMeasureRuleSchema.safeParse({ ...pricePlain, prefixes: ['40'] }).success).toBe(
      false,
    );
  });
});
