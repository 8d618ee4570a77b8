/** Notes and coins a till counts, largest first, in minor units. */
export const CAD_DENOMINATIONS: readonly number[] = Object.freeze([
  10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5,
]);

export const USD_DENOMINATIONS: readonly number[] = Object.freeze([
  10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1,
]);

export const EUR_DENOMINATIONS: readonly number[] = Object.freeze([
  50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1,
]);

const BY_CURRENCY: Readonly<Record<string, readonly number[]>> = {
  CAD: CAD_DENOMINATIONS,
  USD: USD_DENOMINATIONS,
  EUR: EUR_DENOMINATIONS,
};

/** The count screen's rows; null when unknown, so the till asks for one counted total instead. */
export function denominationsFor(currency: string): readonly number[] | null {
  return Object.hasOwn(BY_CURRENCY, currency) ? (BY_CURRENCY[currency] ?? null) : null;
}

/**
 * Cash counted from `{ "500": 3, "25": 4 }` (denomination in minor units to count).
 * A malformed key or count is a programming error, not user input, so it throws.
 */
export function denominationTotal(counted: Readonly<Record<string, number>>): number {
  let total = 0;

  for (const [key, count] of Object.entries(counted)) {
    // Strict canonical form: "05" or "5.0" would be a second spelling of the same row.
    const denomination = Number(key);
    if (!/^[1-9]\d*$/.test(key) || !Number.isSafeInteger(denomination)) {
      throw new Error(`denomination must be a positive integer in minor units, got "${key}"`);
    }
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new Error(`count for ${key} must be a non-negative integer, got ${String(count)}`);
    }

    total += denomination * count;
  }

  if (!Number.isSafeInteger(total)) {
    throw new Error('counted cash exceeds the safe integer range');
  }
  return total;
}
