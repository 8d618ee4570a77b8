import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { roundCash, roundHalfAwayFromZero } from './rounding.ts';

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(roundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(roundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(roundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(roundHalfAwayFromZero(14n, 10n)).toBe(1n);
    expect(roundHalfAwayFromZero(-16n, 10n)).toBe(-2n);
    expect(roundHalfAwayFromZero(7n)).toBe(7n);
  });

  it('stays exact far beyond float precision', () => {
    const huge = 10n ** 30n;
    expect(roundHalfAwayFromZero(huge * 2n + 1n, 2n)).toBe(huge + 1n);
  });

  it('refuses a zero denominator', () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it('is never more than half away from the exact value', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const r = roundHalfAwayFromZero(n, d);
        const twiceError = 2n * (r * d - n);
        expect(twiceError <= d && twiceError >= -d).toBe(true);
      }),
    );
  });
});

describe('roundCash', () => {
  const down = { increment: 5, mode: 'down' } as const;
  const nearest = { increment: 5, mode: 'nearest' } as const;
  const up = { increment: 5, mode: 'up' } as const;

  it('rounds down, nearest and up to the cash step', () => {
    expect(roundCash(198, down)).toBe(195);
    expect(roundCash(197, nearest)).toBe(195);
    expect(roundCash(198, nearest)).toBe(200);
    expect(roundCash(196, up)).toBe(200);
    expect(roundCash(200, up)).toBe(200);
  });

  it('treats negative amounts symmetrically', () => {
    expect(roundCash(-198, down)).toBe(-195);
    expect(roundCash(-198, nearest)).toBe(-200);
    expect(roundCash(-196, up)).toBe(-200);
    expect(Object.is(roundCash(-2, down), 0)).toBe(true);
  });

  it('leaves amounts alone with a step of 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom('down', 'up', 'nearest'),
        (a, mode) => {
          expect(roundCash(a, { increment: 1, mode })).toBe(a);
        },
      ),
    );
  });

  it('lands on a multiple of the step less than one step away, in the mode direction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom('down', 'up', 'nearest'),
        (amount, increment, mode) => {
          const r = roundCash(amount, { increment, mode });
          expect(r % increment === 0).toBe(true);
          expect(Math.abs(r - amount)).toBeLessThan(increment);
          if (mode === 'down') expect(Math.abs(r)).toBeLessThanOrEqual(Math.abs(amount));
          if (mode === 'up') expect(Math.abs(r)).toBeGreaterThanOrEqual(Math.abs(amount));
          if (mode === 'nearest') expect(2 * Math.abs(r - amount)).toBeLessThanOrEqual(increment);
        },
      ),
    );
  });

  it('refuses fractional amounts', () => {
    expect(() => roundCash(1.5, down)).toThrow(RangeError);
  });
});
