/** Largest amount the documents accept, in minor units (see minorSchema). */
const MAX_MINOR = 1_000_000_000_00;

export function assertMinor(n: number): void {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Expected an integer amount of minor units, got ${String(n)}`);
  }
}

/** Digits after the decimal point for a currency: JPY 0, USD 2, BHD 3 (from Intl's data). */
export function currencyExponent(currency: string): number {
  const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
  return options.maximumFractionDigits ?? 2;
}

/** Minor units as an exact decimal string, e.g. -195 USD -> "-1.95". */
export function minorToDecimalString(minor: number, currency: string): string {
  assertMinor(minor);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const sign = minor < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

export function formatMoney(minor: number, currency: string, locale = 'en-CA'): string {
  // Intl gets an exact decimal string, so no float ever decides a digit.
  const decimal = minorToDecimalString(minor, currency) as `${number}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal);
}

const GROUPED = /^\d{1,3}(?:[.,]\d{3})+$/;

/** Splits "1.234,5" into whole "1234" and fraction "5", or null when it is ambiguous or bad. */
function splitDecimal(body: string, exponent: number): { whole: string; fraction: string } | null {
  const separators = body.match(/[.,]/g) ?? [];
  if (separators.length === 0) {
    return { whole: body, fraction: '' };
  }

  const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  const lastSeparator = body.charAt(last);
  const sameKind = separators.every((s) => s === lastSeparator);

  // Several separators of one kind can only be digit grouping: "1,234,567".
  if (sameKind && separators.length > 1) {
    return GROUPED.test(body) ? { whole: body.replace(/[.,]/g, ''), fraction: '' } : null;
  }

  const whole = body.slice(0, last);
  const fraction = body.slice(last + 1);

  // A currency without decimals reads "1,234" as grouping.
  if (sameKind && exponent === 0 && /^\d{1,3}$/.test(whole) && /^\d{3}$/.test(fraction)) {
    return { whole: whole + fraction, fraction: '' };
  }

  // Both kinds: the last one is the decimal mark, the other must group by thousands.
  if (!sameKind) {
    const groupSeparator = lastSeparator === '.' ? ',' : '.';
    if (whole.includes(lastSeparator) || !GROUPED.test(whole)) {
      return null;
    }
    return { whole: whole.split(groupSeparator).join(''), fraction };
  }

  return { whole, fraction };
}

/**
 * Reads what a cashier typed ("1.95", "1,95", "$1,234.50", "-3") as minor units. Returns null
 * for anything that is not an amount or has more decimals than the currency allows.
 */
export function parseMoney(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(new RegExp(`^(-?)(?:${currency}|[$€£¥])`, 'i'), '$1')
    .replace(/(?:[$€£¥])$/, '');

  const match = /^([-+]?)(\d[\d.,]*|[.,]\d+)$/.exec(cleaned);
  if (!match) {
    return null;
  }

  const sign = match[1] === '-' ? -1n : 1n;
  const parts = splitDecimal(match[2] ?? '', exponent);
  if (!parts || parts.fraction.length > exponent || !/^\d*$/.test(parts.whole + parts.fraction)) {
    return null;
  }
  if (parts.whole === '' && parts.fraction === '') {
    return null;
  }

  const minor =
    BigInt(parts.whole || '0') * 10n ** BigInt(exponent) +
    BigInt(parts.fraction.padEnd(exponent, '0') || '0');
  if (minor > BigInt(MAX_MINOR)) {
    return null;
  }
  return minor === 0n ? 0 : Number(sign * minor);
}
