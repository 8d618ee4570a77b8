import type { Sale } from '@pos/shared';

import { formatThousandths, parseThousandths } from '../cart/thousandths.ts';

export type QuantityTexts = Readonly<Record<string, string>>;

export type ParsedQuantities =
  { ok: true; quantities: Map<string, number> } | { ok: false; message: string };

/** The quantities as typed, one per sold line; pieces must be whole. */
export function parseQuantities(original: Sale, texts: QuantityTexts): ParsedQuantities {
  const quantities = new Map<string, number>();
  for (const line of original.lines) {
    const text = texts[line.lineId] ?? '0';
    const quantity = text.trim() === '' ? 0 : parseThousandths(text);
    if (quantity === null) {
      return { ok: false, message: `${line.name}: “${text}” is not a quantity` };
    }
    quantities.set(line.lineId, quantity);
  }
  return { ok: true, quantities };
}

export function quantityTexts(quantities: ReadonlyMap<string, number>): Record<string, string> {
  return Object.fromEntries(
    [...quantities].map(([lineId, quantity]) => [lineId, formatThousandths(quantity)]),
  );
}
