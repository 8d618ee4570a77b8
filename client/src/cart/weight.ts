import { formatThousandths, parseThousandths } from './thousandths.ts';

/** The most a cashier may key in for one weighed line: 100 kg, in thousandths (grams). */
export const MAX_WEIGHT = 100_000;

export type WeightResult = { ok: true; quantity: number } | { ok: false; message: string };

/**
 * Reads a weight keyed in kilograms ("1.25", "1,25", "0.350") into thousandths (grams), with
 * integer arithmetic only: at most three decimals, more than zero and at most 100 kg.
 */
export function parseWeight(text: string): WeightResult {
  if (text.trim() === '') return { ok: false, message: 'Enter the weight in kg' };

  const quantity = parseThousandths(text);
  if (quantity === null) {
    return { ok: false, message: 'Enter the weight in kg, e.g. 1.25 (at most 3 decimals)' };
  }
  if (quantity <= 0) return { ok: false, message: 'The weight must be more than 0 kg' };
  if (quantity > MAX_WEIGHT) {
    return { ok: false, message: `The weight can be at most ${formatThousandths(MAX_WEIGHT)} kg` };
  }
  return { ok: true, quantity };
}

/** 1250 -> "1.250": a weight always shows grams, as a scale does. */
export function formatKilograms(quantity: number): string {
  const sign = quantity < 0 ? '-' : '';
  const magnitude = Math.abs(quantity);
  const whole = Math.trunc(magnitude / 1000);
  const grams = String(magnitude % 1000).padStart(3, '0');
  return `${sign}${whole}.${grams}`;
}
