import { cleanScan, validateGtin } from '@pos/shared';

import { isScientificNotation } from './decimal-text.ts';

export interface BarcodeOutcome {
  /** What goes into Product.barcodes, or null when nothing usable is left. */
  code: string | null;
  warnings: string[];
}

const MAX_LENGTH = 64;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

function controlCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) found.add(`0x${code.toString(16).padStart(2, '0')}`);
  }
  return [...found];
}

/** Spreadsheet ways of forcing text: ="0123" and a leading apostrophe. */
function unwrapSpreadsheetText(text: string): string {
  const formula = /^="(.*)"$/.exec(text);
  if (formula !== null) return formula[1] ?? '';
  return text.startsWith("'") ? text.slice(1) : text;
}

function checkDigits(code: string): BarcodeOutcome {
  // Excel drops the leading zero of a UPC-A, leaving 11 digits; put it back when that fits.
  if (code.length === 11) {
    const padded = validateGtin(`0${code}`);
    if (padded.ok) {
      return {
        code: padded.normalized,
        warnings: ['11 digits: a UPC-A that lost its leading zero in a spreadsheet; restored'],
      };
    }
  }

  if (!GTIN_LENGTHS.has(code.length)) {
    return { code, warnings: [] };
  }

  const result = validateGtin(code);
  if (result.ok) {
    return { code: result.normalized, warnings: [] };
  }

  // Kept, not dropped: the till matches exact text, so a code that is not a valid GTIN can
  // only be matched by someone typing it, and dropping it would lose the merchant's data.
  return { code, warnings: [`${result.message}; kept as a plain scan code`] };
}

/**
 * Reads one barcode cell. Valid GTINs are normalised (UPC-E to UPC-A), other codes are kept as
 * plain scan codes, and anything a spreadsheet or scanner spoiled is reported.
 */
export function readBarcode(raw: string): BarcodeOutcome {
  const text = unwrapSpreadsheetText(raw.trim());
  if (text === '') {
    return { code: null, warnings: [] };
  }

  if (isScientificNotation(text)) {
    return {
      code: null,
      warnings: ['scientific notation from a spreadsheet: the digits are lost; not imported'],
    };
  }

  const warnings: string[] = [];
  const controls = controlCharacters(text);
  if (controls.length > 0) {
    warnings.push(`control character ${controls.join(', ')} inside the barcode; removed`);
  }

  const cleaned = cleanScan(text);
  if (cleaned.length > MAX_LENGTH) {
    return { code: null, warnings: [...warnings, `longer than ${MAX_LENGTH} characters`] };
  }
  if (!/^[0-9]+$/.test(cleaned)) {
    return { code: cleaned === '' ? null : cleaned, warnings };
  }

  const checked = checkDigits(cleaned);
  return { code: checked.code, warnings: [...warnings, ...checked.warnings] };
}
