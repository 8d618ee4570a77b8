import { cleanScan, type Product, type ScanOptions } from '@pos/shared';

export type ScanResult =
  | { kind: 'found'; code: string; product: Product }
  | { kind: 'inactive'; code: string; product: Product; message: string }
  | { kind: 'unknown'; code: string; message: string }
  | { kind: 'empty' };

/**
 * Turns what a scanner typed into the product to add, or a message saying why not. The
 * catalog's `byBarcode` already matches a code under its other GTIN forms (UPC-A in EAN-13,
 * UPC-E), so only the scanner's noise is cleaned here.
 */
export function resolveScan(
  raw: string,
  byBarcode: (code: string) => Product | undefined,
  options: ScanOptions = {},
): ScanResult {
  const code = cleanScan(raw, options);
  if (code === '') return { kind: 'empty' };

  const product = byBarcode(code);
  if (product === undefined) {
    return { kind: 'unknown', code, message: `Unknown barcode ${code}` };
  }
  if (!product.active || product._deleted) {
    return { kind: 'inactive', code, product, message: `${product.name} is not for sale` };
  }
  return { kind: 'found', code, product };
}
