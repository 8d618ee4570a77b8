import type { Category, Device, Product, Store, TaxRate } from '@pos/shared';

import { staffMember, type DemoUser } from './demo-organisation.ts';
import { demoEan13 } from './generate-catalog.ts';

/**
 * A second demo tenant, small on purpose: it exists so that tenant isolation can be seen and
 * tested end to end (two organisations, two stores, the same kinds of ids in both).
 */
export const HARBOUR_TENANT = { id: 'harbour', name: 'Harbour Coffee & Provisions' } as const;
export const HARBOUR_STORE_ID = 'store-harbour';
export const HARBOUR_DEVICE_ID = 'device-h1';
export const HST_ID = 'tax-hst';

export function harbourStore(updatedAt: string): Store {
  return {
    id: HARBOUR_STORE_ID,
    updatedAt,
    _deleted: false,
    name: 'Harbour Café',
    code: 'HC',
    timezone: 'America/Halifax',
    address: '1 Lower Water Street, Halifax, NS B3J 1R7',
    pricing: {
      currency: 'CAD',
      pricesIncludeTax: false,
      taxRounding: 'total',
      cashRounding: { increment: 5, mode: 'nearest' },
    },
    discountLimits: { cashier: 10_000, manager: 30_000, owner: 100_000 },
    receiptHeader: 'Harbour Coffee & Provisions',
    receiptFooter: 'Thanks for stopping by the harbour!',
  };
}

export function harbourDevice(updatedAt: string): Device {
  return {
    id: HARBOUR_DEVICE_ID,
    updatedAt,
    _deleted: false,
    storeId: HARBOUR_STORE_ID,
    code: 'H1',
    name: 'Till 1',
  };
}

/** Nova Scotia's harmonized sales tax, one rate for both the federal and provincial part. */
export function harbourTaxRates(updatedAt: string): TaxRate[] {
  return [{ id: HST_ID, updatedAt, _deleted: false, name: 'HST', rateMilliPercent: 14_000 }];
}

export function harbourCategories(updatedAt: string): Category[] {
  const category = (id: string, name: string, color: string, sortOrder: number): Category => ({
    id,
    updatedAt,
    _deleted: false,
    name,
    color,
    sortOrder,
  });
  return [
    category('cat-coffee', 'Coffee', '#6F4E37', 10),
    category('cat-pastry', 'Pastry', '#D9A05B', 20),
    category('cat-provisions', 'Provisions', '#3C7A89', 30),
  ];
}

/** Basic groceries are zero-rated; prepared food and drink carry HST. */
const HARBOUR_ITEMS: readonly [string, string, number, boolean][] = [
  ['Drip Coffee 12 oz', 'cat-coffee', 275, true],
  ['Cappuccino 12 oz', 'cat-coffee', 475, true],
  ['Whole Bean Dark Roast 340 g', 'cat-provisions', 1699, false],
  ['Blueberry Scone', 'cat-pastry', 395, true],
  ['Oatcake', 'cat-pastry', 250, true],
  ['Maple Syrup 250 ml', 'cat-provisions', 1295, false],
  ['Smoked Mackerel 200 g', 'cat-provisions', 899, false],
  ['Sea Salt Caramels', 'cat-provisions', 650, true],
];

export function harbourProducts(updatedAt: string): Product[] {
  return HARBOUR_ITEMS.map(([name, categoryId, price, taxed], index) => {
    const serial = String(index + 1).padStart(3, '0');
    return {
      id: `prod-hc-${serial}`,
      updatedAt,
      _deleted: false,
      sku: `HC-${serial}`,
      name,
      categoryId,
      // Well away from the demo catalogue's codes, so a scan never finds the other tenant's.
      barcodes: [demoEan13(900_000 + index + 1)],
      price,
      taxRateIds: taxed ? [HST_ID] : [],
      soldBy: 'each',
      active: true,
    };
  });
}

/** Their ids are the Keycloak user ids of the realm's harbour users. */
export async function harbourUsers(updatedAt: string): Promise<DemoUser[]> {
  const at = (person: Parameters<typeof staffMember>[2]) =>
    staffMember(updatedAt, HARBOUR_STORE_ID, person);
  return [
    {
      staff: await at({
        id: 'staff-harbour-cashier',
        displayName: 'Hana Harbour',
        email: 'cashier@harbour.test',
        role: 'cashier',
        pin: '1234',
      }),
      password: 'cashier123',
    },
    {
      staff: await at({
        id: 'staff-harbour-manager',
        displayName: 'Milo Harbour',
        email: 'manager@harbour.test',
        role: 'manager',
        pin: '9999',
      }),
      password: 'manager123',
    },
    {
      staff: await at({
        id: 'staff-harbour-owner',
        displayName: 'Oscar Harbour',
        email: 'owner@harbour.test',
        role: 'owner',
        pin: null,
      }),
      password: 'owner123',
    },
  ];
}
