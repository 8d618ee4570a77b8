import type { Product, Store } from '@pos/shared';

import { GST_ID } from './generate-catalog.ts';

/**
 * How the demo store's scales label weighed and price-marked goods (GS1 restricted
 * circulation EAN-13, no value check digit):
 *   02 IIIII PPPPP C  price-marked: item code, then the price in cents (01940 is 19.40)
 *   21 IIIII WWWWW C  weighed: item code, then the weight in grams (01250 is 1.250 kg)
 *
 * The item code (PLU) maps to a product through its barcodes: a PLU product lists its 5-digit
 * item code, leading zeros kept, among its `barcodes`, so the till finds it with the same
 * exact-code lookup as any scan (a 5-digit code can never be a GTIN, which has 8, 12, 13 or 14
 * digits). Its sku is `PLU-` and the same 5 digits, for people.
 */
export const DEMO_SCANNING: NonNullable<Store['scanning']> = {
  prefix: '',
  suffix: '',
  variableMeasure: [
    {
      prefixes: ['02'],
      itemCodeLength: 5,
      value: 'price',
      valueDigits: 5,
      decimals: 2,
      hasValueCheckDigit: false,
    },
    {
      prefixes: ['21'],
      itemCodeLength: 5,
      value: 'weight',
      valueDigits: 5,
      decimals: 3,
      hasValueCheckDigit: false,
    },
  ],
};

export const PLU_SKU_PREFIX = 'PLU-';

interface PluItem {
  itemCode: string;
  name: string;
  categoryId: string;
  /** Per kg when weighed; a reference price when the label carries the price. */
  price: number;
  soldBy: Product['soldBy'];
  taxRateIds: string[];
}

/** Weighed at the counter (prefix 21) or price-marked in the back (prefix 02). */
const PLU_ITEMS: readonly PluItem[] = [
  {
    itemCode: '00101',
    name: 'Bananas (per kg)',
    categoryId: 'cat-produce',
    price: 159,
    soldBy: 'weight',
    taxRateIds: [],
  },
  {
    itemCode: '00102',
    name: 'Gala Apples (per kg)',
    categoryId: 'cat-produce',
    price: 439,
    soldBy: 'weight',
    taxRateIds: [],
  },
  {
    itemCode: '00103',
    name: 'Vine Tomatoes (per kg)',
    categoryId: 'cat-produce',
    price: 659,
    soldBy: 'weight',
    taxRateIds: [],
  },
  {
    itemCode: '00104',
    name: 'Trail Mix, Bulk (per kg)',
    categoryId: 'cat-snacks',
    price: 1899,
    soldBy: 'weight',
    taxRateIds: [GST_ID],
  },
  {
    itemCode: '00201',
    name: 'Aged Cheddar Wedge',
    categoryId: 'cat-dairy',
    price: 899,
    soldBy: 'each',
    taxRateIds: [],
  },
  {
    itemCode: '00202',
    name: 'Sliced Black Forest Ham',
    categoryId: 'cat-deli',
    price: 749,
    soldBy: 'each',
    taxRateIds: [],
  },
  {
    itemCode: '00203',
    name: 'Atlantic Salmon Fillet',
    categoryId: 'cat-deli',
    price: 1599,
    soldBy: 'each',
    taxRateIds: [],
  },
];

export function pluProducts(updatedAt: string): Product[] {
  return PLU_ITEMS.map((item) => ({
    id: `prod-plu-${item.itemCode}`,
    updatedAt,
    _deleted: false,
    sku: `${PLU_SKU_PREFIX}${item.itemCode}`,
    name: item.name,
    categoryId: item.categoryId,
    barcodes: [item.itemCode],
    price: item.price,
    taxRateIds: item.taxRateIds,
    soldBy: item.soldBy,
    active: true,
  }));
}
