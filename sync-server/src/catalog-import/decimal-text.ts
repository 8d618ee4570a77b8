/**
 * Exact decimal text to scaled integers ("19.40" at 2 decimals is 1940) by string surgery:
 * a float would turn 4.35 into 434.99999.
 */

export type ScaledResult = { ok: true; value: number } | { ok: false; reason: string };

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const DECIMAL = /^(-?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/** True for what a spreadsheet makes of a long number, e.g. "3.65275E+11". */
export function isScientificNotation(text: string): boolean {
  return SCIENTIFIC.test(text.trim());
}

export function parseScaledDecimal(text: string, decimals: number): ScaledResult {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(/^(-?)[$€£¥]/, '$1');

  if (cleaned === '') {
    return { ok: false, reason: 'empty' };
  }
  if (isScientificNotation(cleaned)) {
    return { ok: false, reason: 'scientific notation from a spreadsheet; the digits are lost' };
  }

  const match = DECIMAL.exec(cleaned);
  const sign = match?.[1] ?? '';
  const whole = (match?.[2] ?? '').replace(/,/g, '');
  const fraction = match?.[3] ?? '';
  if (match === null || (whole === '' && fraction === '')) {
    return { ok: false, reason: 'not a decimal number' };
  }

  // Trailing zeros beyond the scale are harmless ("25.000"); other digits would need rounding.
  const kept = fraction.slice(0, decimals);
  if (/[1-9]/.test(fraction.slice(decimals))) {
    return { ok: false, reason: `more than ${decimals} decimals` };
  }

  const digits = `${whole}${kept.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) {
    return { ok: false, reason: 'too large' };
  }

  return { ok: true, value: sign === '-' && value !== 0 ? -value : value };
}
