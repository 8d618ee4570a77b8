import { validateGtin, type Category, type Product, type TaxRate } from '@pos/shared';

import type { CatalogIndex } from './till-api.ts';

export interface CatalogInput {
  products: Iterable<Product>;
  categories: Iterable<Category>;
  taxRates: Iterable<TaxRate>;
}

interface SearchEntry {
  product: Product;
  sku: string;
  name: string;
  /** sku and name lowercased, newline separated, so one `includes` checks both. */
  haystack: string;
}

const GTIN_LENGTHS = [8, 12, 13, 14] as const;
const DIGITS = /^\d+$/;

/**
 * The same GTIN written at other lengths: GS1 pads every GTIN with zeros to 14 digits, so a
 * scanner that sends UPC-A (12) finds a product stored as EAN-13 with a leading zero and the
 * other way round. Computed per lookup, so the index keeps one map entry per barcode.
 */
function gtinVariants(code: string): string[] {
  if (!DIGITS.test(code) || !(GTIN_LENGTHS as readonly number[]).includes(code.length)) return [];

  const padded = code.padStart(14, '0');
  return GTIN_LENGTHS.filter((length) => length !== code.length)
    .filter((length) => /^0*$/.test(padded.slice(0, 14 - length)))
    .map((length) => padded.slice(14 - length));
}

function byName(a: SearchEntry, b: SearchEntry): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.product.id < b.product.id ? -1 : a.product.id > b.product.id ? 1 : 0;
}

/** Lower scores rank first; undefined means no match. */
function score(entry: SearchEntry, query: string, tokens: readonly string[]): number | undefined {
  for (const token of tokens) {
    if (!entry.haystack.includes(token)) return undefined;
  }

  if (entry.sku === query) return 0;
  if (entry.sku.startsWith(query)) return 1;
  if (entry.name.startsWith(query)) return 2;
  if (entry.name.includes(` ${tokens[0] ?? query}`)) return 3;
  return 4;
}

/**
 * The till's catalog in memory: built once per catalog change, then every scan is a Map lookup
 * and every search one pass over precomputed lowercase strings. Only active, live products.
 */
export function buildCatalogIndex(input: CatalogInput): CatalogIndex {
  const entries: SearchEntry[] = [];
  for (const product of input.products) {
    if (!product.active || product._deleted) continue;
    const sku = product.sku.toLowerCase();
    const name = product.name.toLowerCase();
    entries.push({ product, sku, name, haystack: `${sku}\n${name}` });
  }
  entries.sort(byName);

  const exact = new Map<string, Product>();
  const categoryLists = new Map<string | null, Product[]>();
  const products: Product[] = [];

  for (const entry of entries) {
    const { product } = entry;
    products.push(product);

    for (const code of product.barcodes) {
      if (!exact.has(code)) exact.set(code, product);
    }

    const list = categoryLists.get(product.categoryId);
    if (list) list.push(product);
    else categoryLists.set(product.categoryId, [product]);
  }

  const categories = [...input.categories]
    .filter((category) => !category._deleted)
    .sort((a, b) => a.sortOrder - b.sortOrder || (a.name < b.name ? -1 : 1));

  const taxRates = new Map<string, TaxRate>();
  for (const rate of input.taxRates) {
    if (!rate._deleted) taxRates.set(rate.id, rate);
  }

  function byGtin(code: string): Product | undefined {
    const direct = exact.get(code);
    if (direct) return direct;
    for (const variant of gtinVariants(code)) {
      const found = exact.get(variant);
      if (found) return found;
    }
    return undefined;
  }

  function byBarcode(code: string): Product | undefined {
    const found = byGtin(code);
    if (found || code.length !== 8) return found;

    // A scanner that sends UPC-E unexpanded still finds the product stored by its UPC-A.
    const gtin = validateGtin(code);
    return gtin.ok && gtin.kind === 'UPCE' ? byGtin(gtin.normalized) : undefined;
  }

  function search(query: string, limit = 50): Product[] {
    const q = query.trim().toLowerCase();
    if (q === '' || limit <= 0) return [];

    const scanned = byBarcode(query.trim());
    const tokens = q.split(/\s+/);
    const buckets: Product[][] = [[], [], [], [], []];

    for (const entry of entries) {
      const rank = score(entry, q, tokens);
      if (rank === undefined || entry.product === scanned) continue;
      const bucket = buckets[rank];
      if (bucket && bucket.length < limit) bucket.push(entry.product);
      // The best buckets are full: nothing later can rank higher.
      if (rank === 0 && bucket && bucket.length >= limit) break;
    }

    const ranked = scanned ? [scanned, ...buckets.flat()] : buckets.flat();
    return ranked.slice(0, limit);
  }

  return {
    products,
    categories,
    taxRates,
    byBarcode,
    search,
    byCategory: (categoryId) => categoryLists.get(categoryId) ?? [],
  };
}

export const emptyCatalog: CatalogIndex = buildCatalogIndex({
  products: [],
  categories: [],
  taxRates: [],
});
