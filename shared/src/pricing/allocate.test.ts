import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { allocateByRationals, allocateByWeights } from './allocate.ts';
import { rational } from './rational.ts';

describe('allocateByWeights', () => {
  it('gives leftover cents to the largest remainders, earlier lines first on ties', () => {
    expect(allocateByWeights(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateByWeights(10n, [300n, 600n, 100n])).toEqual([3n, 6n, 1n]);
    expect(allocateByWeights(5n, [10n, 19n])).toEqual([2n, 3n]);
  });

  it('splits negative amounts like positive ones', () => {
    expect(allocateByWeights(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it('gives nothing when there is nothing to weigh', () => {
    expect(allocateByWeights(7n, [0n, 0n])).toEqual([0n, 0n]);
  });

  it('always sums exactly, never gives to a zero weight, stays within one of pro rata', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 30 }),
        (amount, weights) => {
          const parts = allocateByWeights(amount, weights);
          const total = weights.reduce((a, b) => a + b, 0n);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total === 0n ? 0n : amount);
          parts.forEach((p, i) => {
            const w = weights[i] ?? 0n;
            if (w === 0n) expect(p).toBe(0n);
            if (total > 0n) {
              const diff = p * total - amount * w;
              expect(diff < total && diff > -total).toBe(true);
            }
          });
        },
      ),
    );
  });
});

describe('allocateByRationals', () => {
  it('weighs by exact fractions', () => {
    expect(allocateByRationals(3n, [rational(14n, 10n), rational(11n, 10n)])).toEqual([2n, 1n]);
  });
});
