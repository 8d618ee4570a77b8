import { describe, expect, it } from 'vitest';

import {
  CAD_DENOMINATIONS,
  denominationTotal,
  denominationsFor,
  EUR_DENOMINATIONS,
  USD_DENOMINATIONS,
} from './denominations.ts';

describe('denominationTotal', () => {
  it('adds up counts times denominations in minor units', () => {
    expect(denominationTotal({ '10000': 1, '500': 3, '25': 4, '5': 1 })).toBe(100_00 + 15_00 + 105);
    expect(denominationTotal({})).toBe(0);
    expect(denominationTotal({ '200': 0 })).toBe(0);
  });

  it.each(['5.5', '-5', '0', '05', 'abc', '', '1e3'])('throws on the key "%s"', (key) => {
    expect(() => denominationTotal({ [key]: 1 })).toThrow(/denomination/);
  });

  it.each([1.5, -1, Number.NaN])('throws on the count %s', (count) => {
    expect(() => denominationTotal({ '100': count })).toThrow(/count/);
  });
});

describe('denominationsFor', () => {
  it('lists notes and coins largest first, without the retired Canadian penny', () => {
    expect(denominationsFor('CAD')).toEqual([10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5]);
    expect(denominationsFor('USD')).toBe(USD_DENOMINATIONS);
    expect(denominationsFor('EUR')).toBe(EUR_DENOMINATIONS);
    for (const list of [CAD_DENOMINATIONS, USD_DENOMINATIONS, EUR_DENOMINATIONS]) {
      expect([...list].sort((a, b) => b - a)).toEqual(list);
      expect(list.every((d) => Number.isInteger(d) && d > 0)).toBe(true);
    }
  });

  it('has no list for other currencies, nor for inherited object keys', () => {
    expect(denominationsFor('GBP')).toBeNull();
    expect(denominationsFor('toString')).toBeNull();
  });
});
