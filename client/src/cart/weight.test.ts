import { describe, expect, it } from 'vitest';

import { formatKilograms, MAX_WEIGHT, parseWeight } from './weight.ts';

describe('parseWeight', () => {
  it.each([
    ['1.25', 1250],
    ['1,25', 1250],
    ['0.350', 350],
    ['0,5', 500],
    ['0.001', 1],
    ['2', 2000],
    [' 3.5 ', 3500],
    ['100', MAX_WEIGHT],
    ['100.000', MAX_WEIGHT],
  ])('reads %j kg as %i thousandths', (text, expected) => {
    expect(parseWeight(text)).toEqual({ ok: true, quantity: expected });
  });

  it.each([
    ['', /enter the weight/i],
    ['   ', /enter the weight/i],
    ['0', /more than 0/],
    ['0.000', /more than 0/],
    ['-1', /at most 3 decimals/],
    ['1.2345', /at most 3 decimals/],
    ['abc', /at most 3 decimals/],
    ['1e2', /at most 3 decimals/],
    ['.5', /at most 3 decimals/],
    ['1.2.3', /at most 3 decimals/],
    ['100.001', /at most 100 kg/],
    ['250', /at most 100 kg/],
    ['999999999', /at most 100 kg/],
  ])('refuses %j', (text, message) => {
    const result = parseWeight(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('always yields a whole number of thousandths', () => {
    // 0.1 + 0.2 style float error must never reach a quantity.
    expect(parseWeight('0.3')).toEqual({ ok: true, quantity: 300 });
    expect(parseWeight('1.005')).toEqual({ ok: true, quantity: 1005 });
    expect(parseWeight('4.35')).toEqual({ ok: true, quantity: 4350 });
  });
});

describe('formatKilograms', () => {
  it.each([
    [1250, '1.250'],
    [350, '0.350'],
    [1, '0.001'],
    [2000, '2.000'],
    [MAX_WEIGHT, '100.000'],
  ])('writes %i as %j', (value, expected) => {
    expect(formatKilograms(value)).toBe(expected);
  });
});
