import { gtinCheckDigit, type Product } from '@pos/shared';

import { categoryWords, type CategoryWords } from './word-lists.ts';

export const GST_ID = 'tax-gst';
export const PST_ID = 'tax-pst';

/** A small fast PRNG: the same seed gives the same catalogue on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** EAN-13 in the GS1 range reserved for restricted in-store use, unique per index. */
export function demoEan13(index: number): string {
  const body = `06${String(index).padStart(10, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

function taxesFor(words: CategoryWords, random: () => number): string[] {
  switch (words.taxes) {
    case 'none':
      return [];
    case 'gst':
      return [GST_ID];
    case 'gst_pst':
      return [GST_ID, PST_ID];
    case 'mixed': {
      const roll = random();
      if (roll < 0.5) return [];
      return roll < 0.8 ? [GST_ID] : [GST_ID, PST_ID];
    }
  }
}

/**
 * `size` products spread over the demo categories: names from word lists, prices in cents
 * ending in 9, one EAN-13 each, zero-rated groceries untaxed and the rest GST (+ PST).
 */
export function generateCatalog(size: number, updatedAt: string): Product[] {
  const random = mulberry32(20_240_601);
  const products: Product[] = [];

  for (let index = 1; index <= size; index += 1) {
    const words = categoryWords[(index - 1) % categoryWords.length];
    if (words === undefined) throw new Error('no demo categories');

    const soldByWeight = random() < words.weightShare;
    const kind = pick(random, words.kinds);
    const variant = pick(random, words.variants);
    const name = soldByWeight
      ? `${variant} ${kind} (per kg)`
      : `${variant} ${kind} ${pick(random, words.sizes)}`;
    const [low, high] = words.priceRange;
    const price = Math.floor((low + random() * (high - low)) / 10) * 10 + 9;
    const serial = String(index).padStart(6, '0');

    products.push({
      id: `prod-${serial}`,
      updatedAt,
      _deleted: false,
      sku: `SKU-${serial}`,
      name,
      categoryId: words.id,
      barcodes: [demoEan13(index)],
      price,
      taxRateIds: taxesFor(words, random),
      soldBy: soldByWeight ? 'weight' : 'each',
      active: true,
    });
  }
  return products;
}
