import { loyverseReader } from './formats/loyverse.ts';
import { shopifyReader } from './formats/shopify.ts';
import { squareReader } from './formats/square.ts';
import { vendReader } from './formats/vend.ts';
import type { FormatReader } from './source-item.ts';

export const formatReaders: readonly FormatReader[] = [
  shopifyReader,
  squareReader,
  loyverseReader,
  vendReader,
];

/** The reader whose required columns are all in the header row, or null. */
export function detectFormat(header: readonly string[]): FormatReader | null {
  return formatReaders.find((reader) => reader.matches(header)) ?? null;
}
