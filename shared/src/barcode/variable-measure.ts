/**
 * GS1 variable-measure (restricted circulation) codes: EAN-13 with prefix 02 or 20–29 that
 * carry a store's own item code and an embedded price or weight. The layout is not global:
 * each tenant configures it to match its scales, hence the rules.
 */
import { z } from 'zod';

import { gtinCheckDigit } from './gtin.ts';

const EAN13_LENGTH = 13;

interface Layout {
  itemCodeLength: number;
  valueDigits: number;
  hasValueCheckDigit: boolean;
}

function layoutLength(rule: Layout, prefix: string): number {
  const valueCheck = rule.hasValueCheckDigit ? 1 : 0;
  return prefix.length + rule.itemCodeLength + valueCheck + rule.valueDigits + 1;
}

export const variableMeasureRuleSchema = z
  .object({
    /** Leading digits that select this rule, e.g. ['20', '21'] or ['02']. */
    prefixes: z
      .array(z.string().regex(/^(02|2[0-9])[0-9]{0,2}$/, 'a GS1 variable-measure prefix'))
      .min(1),
    itemCodeLength: z.number().int().min(1).max(8),
    value: z.enum(['price', 'weight']),
    valueDigits: z.number().int().min(1).max(6),
    /** Decimal places in the embedded value: 2 for 019.40 as 01940, 3 for kg as grams. */
    decimals: z.number().int().min(0).max(4),
    /** A GS1 price/weight check digit sits between the item code and the value. */
    hasValueCheckDigit: z.boolean(),
  })
  .strict()
  .refine((rule) => !rule.hasValueCheckDigit || [4, 5].includes(rule.valueDigits), {
    message: 'GS1 defines a value check digit only for 4- and 5-digit values',
  })
  .refine((rule) => rule.prefixes.every((prefix) => layoutLength(rule, prefix) === EAN13_LENGTH), {
    message: 'prefix + item code + value check digit + value + check digit must be 13 digits',
  });
export type VariableMeasureRule = z.infer<typeof variableMeasureRuleSchema>;

export interface VariableMeasureDecoded {
  prefix: string;
  /** The store's item code (PLU), without the prefix; leading zeros kept. */
  itemCode: string;
  /** Present for price rules: the embedded price in minor units. */
  priceMinor?: number;
  /** Present for weight rules: grams, which is also the quantity in thousandths of a kg. */
  weightGrams?: number;
  quantity?: number;
}

export interface DecodeOptions {
  /** Minor-unit decimals of the tenant's currency; 2 (cents) unless told. */
  currencyDecimals?: number;
}

// GS1 weighting tables for price/weight check digits, indexed by digit.
const WEIGHT_2_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const WEIGHT_3 = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
const WEIGHT_5_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const WEIGHT_5_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

function weightedSum(value: string, tables: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i < value.length; i += 1) {
    sum += tables[i]?.[Number(value[i])] ?? 0;
  }
  return sum;
}

/**
 * GS1 check digit over a 4- or 5-digit price/weight field (GS1 General Specifications,
 * "check digit calculation for price/weight fields"). Returns null for other lengths.
 */
export function valueCheckDigit(value: string): number | null {
  if (!/^[0-9]+$/.test(value)) {
    return null;
  }

  if (value.length === 4) {
    const sum = weightedSum(value, [WEIGHT_2_MINUS, WEIGHT_2_MINUS, WEIGHT_3, WEIGHT_5_MINUS]);
    return (sum * 3) % 10;
  }

  if (value.length === 5) {
    const tables = [WEIGHT_5_PLUS, WEIGHT_2_MINUS, WEIGHT_5_MINUS, WEIGHT_5_PLUS, WEIGHT_2_MINUS];
    const target = (10 - (weightedSum(value, tables) % 10)) % 10;
    return WEIGHT_5_MINUS.indexOf(target);
  }

  return null;
}

/** Moves a decimal point by whole powers of ten in integers, rounding half up when shrinking. */
function rescale(value: number, fromDecimals: number, toDecimals: number): number {
  if (toDecimals >= fromDecimals) {
    return value * 10 ** (toDecimals - fromDecimals);
  }

  const divisor = 10 ** (fromDecimals - toDecimals);
  return Math.floor((value + divisor / 2) / divisor);
}

function decodeWithRule(
  code: string,
  prefix: string,
  rule: VariableMeasureRule,
  options: DecodeOptions,
): VariableMeasureDecoded | null {
  const itemStart = prefix.length;
  const valueCheckAt = itemStart + rule.itemCodeLength;
  const valueStart = valueCheckAt + (rule.hasValueCheckDigit ? 1 : 0);
  const itemCode = code.slice(itemStart, valueCheckAt);
  const valueText = code.slice(valueStart, valueStart + rule.valueDigits);

  if (rule.hasValueCheckDigit && valueCheckDigit(valueText) !== Number(code[valueCheckAt])) {
    return null;
  }

  const value = Number(valueText);
  if (rule.value === 'price') {
    const priceMinor = rescale(value, rule.decimals, options.currencyDecimals ?? 2);
    return { prefix, itemCode, priceMinor };
  }

  const grams = rescale(value, rule.decimals, 3);
  return { prefix, itemCode, weightGrams: grams, quantity: grams };
}

/**
 * Decodes a scanned variable-measure code with the first rule whose prefix matches (longest
 * prefix first). Returns null when the code is not a valid EAN-13 (a 12-digit UPC-A with
 * number system 2 counts as 02…), no rule matches, or the value check digit is wrong.
 */
export function decodeVariableMeasure(
  code: string,
  rules: readonly VariableMeasureRule[],
  options: DecodeOptions = {},
): VariableMeasureDecoded | null {
  const ean13 = code.length === 12 ? `0${code}` : code;
  if (!/^[0-9]{13}$/.test(ean13)) {
    return null;
  }
  if (gtinCheckDigit(ean13.slice(0, 12)) !== Number(ean13[12])) {
    return null;
  }

  const candidates = rules
    .flatMap((rule) => rule.prefixes.map((prefix) => ({ rule, prefix })))
    .filter(({ rule, prefix }) => ean13.startsWith(prefix) && layoutLength(rule, prefix) === 13)
    .sort((a, b) => b.prefix.length - a.prefix.length);

  const match = candidates[0];
  return match === undefined ? null : decodeWithRule(ean13, match.prefix, match.rule, options);
}
