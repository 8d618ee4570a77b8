import {
  cleanScan,
  decodeVariableMeasure,
  type Product,
  type Store,
  type VariableMeasureDecoded,
} from '@pos/shared';

export type ScanResult =
  /** `quantity` is set when the label carries it (a weighed item); otherwise one piece. */
  | {
      kind: 'found';
      code: string;
      product: Product;
      quantity: number | null;
      /** A price-marked label's own price, in minor units, for one line of quantity 1000. */
      unitPrice?: number;
    }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'empty' };

export interface ScanSettings {
  scanning: Store['scanning'];
  /** Minor-unit decimals of the store's currency, for price-marked labels. */
  currencyDecimals: number;
}

/** A price label is one item at its printed price. */
const PIECE = 1000;

function refused(code: string, message: string): ScanResult {
  return { kind: 'refused', code, message };
}

function sellable(code: string, product: Product): ScanResult | null {
  if (product.active && !product._deleted) return null;
  return refused(code, `${product.name} is not for sale`);
}

/** A scale or price label: the product is found by the item code printed inside it. */
function fromLabel(
  code: string,
  label: VariableMeasureDecoded,
  byBarcode: (code: string) => Product | undefined,
): ScanResult {
  const product = byBarcode(label.itemCode);
  if (product === undefined) {
    return refused(code, `Unknown item ${label.itemCode} on label ${code}`);
  }

  const notSellable = sellable(code, product);
  if (notSellable !== null) return notSellable;

  if (label.priceMinor !== undefined) {
    // The label's price is what the customer was shown, whatever the shelf price says now.
    return { kind: 'found', code, product, quantity: PIECE, unitPrice: label.priceMinor };
  }
  if (product.soldBy !== 'weight') {
    return refused(code, `${product.name} is sold by the piece, not by weight`);
  }
  if (label.quantity === undefined || label.quantity < 1) {
    return refused(code, `The label ${code} shows no weight`);
  }

  return { kind: 'found', code, product, quantity: label.quantity };
}

/**
 * Turns what a scanner typed into the product to add, or a message saying why not. The
 * catalog's `byBarcode` already matches a code under its other GTIN forms (UPC-A in EAN-13,
 * UPC-E); what it cannot match may be one of the store's scale labels.
 */
export function resolveScan(
  raw: string,
  byBarcode: (code: string) => Product | undefined,
  settings: ScanSettings,
): ScanResult {
  const { scanning } = settings;
  const code = cleanScan(raw, { prefix: scanning?.prefix ?? '', suffix: scanning?.suffix ?? '' });
  if (code === '') return { kind: 'empty' };

  const product = byBarcode(code);
  if (product !== undefined) {
    return sellable(code, product) ?? { kind: 'found', code, product, quantity: null };
  }

  const label = decodeVariableMeasure(code, scanning?.variableMeasure ?? [], {
    currencyDecimals: settings.currencyDecimals,
  });
  if (label !== null) return fromLabel(code, label, byBarcode);

  return refused(code, `Unknown barcode ${code}`);
}
