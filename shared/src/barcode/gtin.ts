/**
 * GS1 GTIN validation: EAN-13, EAN-8, UPC-A, UPC-E and GTIN-14.
 *
 * Input is expected to be cleaned already (see `cleanScan`); anything but ASCII digits is
 * rejected rather than guessed at, because a wrong guess sells the wrong item.
 */

export type GtinKind = 'EAN13' | 'EAN8' | 'UPCA' | 'UPCE' | 'GTIN14';

export type GtinErrorCode = 'bad_check_digit' | 'bad_length' | 'not_digits';

export type GtinValidation =
  | { ok: true; kind: GtinKind; normalized: string }
  | { ok: false; code: GtinErrorCode; message: string };

const DIGITS = /^[0-9]+$/;

/**
 * GS1 mod-10 check digit for a body of any length: weights 3,1,3,1… from the rightmost digit
 * of the body, so the same function serves GTIN-8 through GTIN-14 (and SSCC).
 */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) {
    throw new RangeError(`gtinCheckDigit needs a non-empty string of digits, got "${body}"`);
  }

  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }

  return (10 - (sum % 10)) % 10;
}

function hasValidCheckDigit(code: string): boolean {
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/** True for 8 digits with number system 0 or 1, the only shapes UPC-E can take. */
export function isUpcEShape(code: string): boolean {
  return /^[01][0-9]{7}$/.test(code);
}

/**
 * Expands an 8-digit UPC-E (number system, six digits, check digit) to its 12-digit UPC-A.
 * The check digit is carried over unchanged: UPC-E has no check digit of its own, it prints
 * the one of the UPC-A it stands for.
 */
export function expandUpcE(code: string): string {
  if (!isUpcEShape(code)) {
    throw new RangeError(`UPC-E is 8 digits starting with 0 or 1, got "${code}"`);
  }

  const numberSystem = code.slice(0, 1);
  const d = code.slice(1, 7);
  const check = code.slice(7);
  const last = Number(d.slice(5));

  let manufacturer: string;
  let product: string;
  if (last <= 2) {
    manufacturer = `${d.slice(0, 2)}${last}00`;
    product = `00${d.slice(2, 5)}`;
  } else if (last === 3) {
    manufacturer = `${d.slice(0, 3)}00`;
    product = `000${d.slice(3, 5)}`;
  } else if (last === 4) {
    manufacturer = `${d.slice(0, 4)}0`;
    product = `0000${d.slice(4, 5)}`;
  } else {
    manufacturer = d.slice(0, 5);
    product = `0000${last}`;
  }

  return `${numberSystem}${manufacturer}${product}${check}`;
}

function isValidUpcE(code: string): boolean {
  return hasValidCheckDigit(expandUpcE(code));
}

function badCheckDigit(code: string, kind: string): GtinValidation {
  return {
    ok: false,
    code: 'bad_check_digit',
    message: `${code} is not a valid ${kind}: its check digit does not match`,
  };
}

/**
 * An 8-digit code starting with 0 or 1 can be read as UPC-E or as EAN-8, and some codes pass
 * both checks. Then number system 0 is taken as UPC-E (the common North American short code;
 * EAN-8 prefix 0 is reserved for in-store numbers) and 1 as EAN-8 (UPC-E number system 1 is
 * rarely issued).
 */
function validateEightDigits(code: string): GtinValidation {
  const ean8 = hasValidCheckDigit(code);
  const upcE = isUpcEShape(code) && isValidUpcE(code);

  if (upcE && (!ean8 || code.startsWith('0'))) {
    return { ok: true, kind: 'UPCE', normalized: expandUpcE(code) };
  }
  if (ean8) {
    return { ok: true, kind: 'EAN8', normalized: code };
  }

  return badCheckDigit(code, isUpcEShape(code) ? 'UPC-E or EAN-8' : 'EAN-8');
}

const KIND_LABEL: Record<GtinKind, string> = {
  EAN13: 'EAN-13',
  EAN8: 'EAN-8',
  UPCA: 'UPC-A',
  UPCE: 'UPC-E',
  GTIN14: 'GTIN-14',
};

const KIND_BY_LENGTH: Partial<Record<number, GtinKind>> = {
  12: 'UPCA',
  13: 'EAN13',
  14: 'GTIN14',
};

/**
 * Validates a GTIN. `normalized` is the code to store and look up: the digits as given,
 * leading zeros kept, except UPC-E which becomes its UPC-A so that a scanner configured to
 * expand UPC-E and one that is not find the same product.
 */
export function validateGtin(code: string): GtinValidation {
  if (!DIGITS.test(code)) {
    return {
      ok: false,
      code: code === '' ? 'bad_length' : 'not_digits',
      message:
        code === '' ? 'The barcode is empty' : `"${code}" contains characters other than digits`,
    };
  }

  if (code.length === 8) {
    return validateEightDigits(code);
  }

  const kind = KIND_BY_LENGTH[code.length];
  if (kind === undefined) {
    return {
      ok: false,
      code: 'bad_length',
      message: `${code} has ${code.length} digits; a GTIN has 8, 12, 13 or 14`,
    };
  }
  if (!hasValidCheckDigit(code)) {
    return badCheckDigit(code, KIND_LABEL[kind]);
  }

  return { ok: true, kind, normalized: code };
}
