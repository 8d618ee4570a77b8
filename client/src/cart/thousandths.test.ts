import { describe, expect, it } from 'vitest';

import { formatThousandths, parseThousandths } from './thousandths.ts';

describe('parseThousandths', () => {
  it.each([
    ['3', 3000],
    ['1.25', 1250],
    ['0,5', 500],
    ['7.', 7000],
    [' 2.125 ', 2125],
  ])('reads %j as %i', (text, expected) => {
    expect(parseThousandths(text)).toBe(expected);
  });

  it.each(['', 'abc', '1.2345', '-1', '1e3', '.5'])('refuses %j', (text) => {
    expect(parseThousandths(text)).toBeNull();
  });
});

describe('formatThousandths', () => {
  it.each([
    [3000, '3'],
    [1250, '1.25'],
    [1005, '1.005'],
    [500, '0.5'],
    [-2000, '-2'],
  ])('writes %i as %j', (value, expected) => {
    expect(formatThousandths(value)).toBe(expected);
  });
});
