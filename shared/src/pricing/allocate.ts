import { floorDiv, type Rational } from './rational.ts';

/**
 * Splits an integer amount over non-negative weights in proportion, by largest remainder, so
 * the parts always add up to exactly the amount. Ties go to the earlier weight, which keeps
 * the split deterministic on every device.
 */
export function allocateByWeights(amount: bigint, weights: readonly bigint[]): bigint[] {
  const totalWeight = weights.reduce((sum, w) => sum + w, 0n);
  if (amount === 0n || totalWeight === 0n) {
    return weights.map(() => 0n);
  }

  // A negative amount is split like a positive one, then negated.
  const sign = amount < 0n ? -1n : 1n;
  const magnitude = sign * amount;

  const parts = weights.map((w) => floorDiv(magnitude * w, totalWeight));
  const remainders = weights.map((w, index) => ({ index, rest: (magnitude * w) % totalWeight }));
  let left = magnitude - parts.reduce((sum, p) => sum + p, 0n);

  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) {
      break;
    }
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }

  return parts.map((p) => sign * p);
}

/** allocateByWeights for exact rational weights (brought to a common denominator first). */
export function allocateByRationals(amount: bigint, weights: readonly Rational[]): bigint[] {
  const common = weights.reduce((d, w) => (d % w.d === 0n ? d : d * w.d), 1n);
  return allocateByWeights(
    amount,
    weights.map((w) => (w.n * common) / w.d),
  );
}
