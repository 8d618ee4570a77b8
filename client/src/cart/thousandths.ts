/**
 * Quantities and percentages are both integers in thousandths (1.5 pieces is 1500, 7.5 % is
 * 7500). These read and write them as decimal text without going through floats.
 */

const DECIMAL = /^(\d{1,9})(?:[.,](\d{0,3}))?$/;

/** "1.25" -> 1250, "3" -> 3000; null for anything else or more than three decimals. */
export function parseThousandths(text: string): number | null {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return null;

  const whole = Number(match[1] ?? '0');
  const fraction = Number((match[2] ?? '').padEnd(3, '0'));
  return whole * 1000 + fraction;
}

/** 1250 -> "1.25", 3000 -> "3". */
export function formatThousandths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  const whole = Math.trunc(magnitude / 1000);
  const fraction = String(magnitude % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');

  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}
