import type { CashRounding } from '../documents/organisation.ts';
import { assertMinor } from '../money/money.ts';

/** Rounds numerator / denominator to an integer, halves away from zero, without floats. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint = 1n): bigint {
  if (denominator === 0n) {
    throw new RangeError('Cannot round a fraction with a zero denominator');
  }

  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;

  // floor(n/d + 1/2) on magnitudes, then the sign back: that is "half away from zero".
  const magnitude = (2n * n + d) / (2n * d);
  return negative ? -magnitude : magnitude;
}

/** Same as roundHalfAwayFromZero, returned as a number of minor units. */
export function roundToMinor(numerator: bigint, denominator: bigint = 1n): number {
  return Number(roundHalfAwayFromZero(numerator, denominator));
}

/**
 * Rounds an amount to the store's smallest cash step. Negative amounts (cash paid back)
 * round symmetrically: 'down' always moves towards zero, 'up' away from it.
 */
export function roundCash(amount: number, rule: CashRounding): number {
  assertMinor(amount);
  if (rule.increment <= 1) {
    return amount;
  }

  const sign = amount < 0 ? -1 : 1;
  const magnitude = Math.abs(amount);
  const below = magnitude - (magnitude % rule.increment);
  const rest = magnitude - below;
  if (rest === 0) {
    return amount;
  }

  let rounded: number;
  switch (rule.mode) {
    case 'down':
      rounded = below;
      break;
    case 'up':
      rounded = below + rule.increment;
      break;
    case 'nearest':
      rounded = rest * 2 >= rule.increment ? below + rule.increment : below;
      break;
  }
  return rounded === 0 ? 0 : sign * rounded;
}
