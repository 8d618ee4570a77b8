import { describe, expect, it } from 'vitest';

import { log } from '../app/log.ts';
import { buildCatalogIndex } from './catalog-index.ts';
import { sampleCategory, sampleProduct, sampleTaxRate } from './testing/sample-documents.ts';

const WORDS = ['Cola', 'Chips', 'Bread', 'Milk', 'Apple', 'Soap', 'Coffee', 'Tea', 'Rice', 'Jam'];
const SIZE = 50_000;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => unknown, repeat: number): number {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

// A measurement, not a pass/fail benchmark: it prints the numbers and asserts only results.
describe(`catalog index at ${SIZE.toLocaleString('en')} products`, () => {
  const products = Array.from({ length: SIZE }, (_, i) =>
    sampleProduct(i, {
      name: `${WORDS[i % WORDS.length] ?? ''} ${WORDS[(i * 7) % WORDS.length] ?? ''} ${i}`,
      barcodes: [String(i).padStart(13, '0')],
    }),
  );

  it('builds once, then looks up and searches instantly', () => {
    const input = { products, categories: [sampleCategory], taxRates: [sampleTaxRate] };
    const buildMs = time(() => buildCatalogIndex(input), 5);
    const index = buildCatalogIndex(input);

    const codes = Array.from({ length: 1000 }, (_, i) => String((i * 49) % SIZE).padStart(13, '0'));
    const lookupMs = time(() => codes.forEach((code) => index.byBarcode(code)), 5) / codes.length;
    const upcMs = time(() => codes.forEach((code) => index.byBarcode(code.slice(1))), 5) / 1000;
    const searchWordMs = time(() => index.search('coffee', 50), 20);
    const searchTwoWordsMs = time(() => index.search('milk tea', 50), 20);
    const searchMissMs = time(() => index.search('zzzz', 50), 20);
    const searchSkuMs = time(() => index.search('SKU-049999', 50), 20);

    const rows = {
      'build (ms)': buildMs,
      'barcode lookup, exact (µs)': lookupMs * 1000,
      'barcode lookup, UPC-A -> EAN-13 (µs)': upcMs * 1000,
      'search "coffee" (ms)': searchWordMs,
      'search "milk tea" (ms)': searchTwoWordsMs,
      'search with no match (ms)': searchMissMs,
      'search exact SKU (ms)': searchSkuMs,
    };
    log.info(
      `catalog index, ${SIZE} products (median):\n${Object.entries(rows)
        .map(([label, value]) => `  ${label.padEnd(40)} ${value.toFixed(3)}`)
        .join('\n')}`,
    );

    expect(index.products).toHaveLength(SIZE);
    expect(index.byBarcode('0000000049999')?.id).toBe('product-49999');
    expect(index.search('SKU-049999')[0]?.id).toBe('product-49999');
  });
});
