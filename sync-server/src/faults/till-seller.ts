import { formatReceiptNumber, type Product, type Sale } from '@pos/shared';

import { DEMO_DEVICE_ID, DEMO_STORE_ID } from '../seed/demo-organisation.ts';
import {
  HARBOUR_DEVICE_ID,
  HARBOUR_STORE_ID,
  harbourProducts,
} from '../seed/harbour-organisation.ts';
import { buildSale, demoProducts } from '../testing/test-app.ts';

/** Who sells, where: one signed-in cashier at one till of one store. */
export interface Seller {
  tenantId: string;
  storeId: string;
  storeCode: string;
  deviceId: string;
  deviceCode: string;
  cashierId: string;
  cashierName: string;
  username: string;
  password: string;
  products: readonly Product[];
}

export const DEMO_CASHIER: Seller = {
  tenantId: 'demo',
  storeId: DEMO_STORE_ID,
  storeCode: 'MS',
  deviceId: DEMO_DEVICE_ID,
  deviceCode: 'T1',
  cashierId: 'staff-cashier',
  cashierName: 'Casey Cashier',
  username: 'cashier@demo.test',
  password: 'cashier123',
  products: demoProducts(),
};

/** Every seeded user who may sell; the load test spreads its tills over them. */
export const SELLERS: readonly Seller[] = [
  DEMO_CASHIER,
  {
    ...DEMO_CASHIER,
    cashierId: 'staff-manager',
    cashierName: 'Morgan Manager',
    username: 'manager@demo.test',
    password: 'manager123',
  },
  {
    ...DEMO_CASHIER,
    cashierId: 'staff-owner',
    cashierName: 'Olive Owner',
    username: 'owner@demo.test',
    password: 'owner123',
  },
  ...(
    [
      ['staff-harbour-cashier', 'Hana Harbour', 'cashier@harbour.test', 'cashier123'],
      ['staff-harbour-manager', 'Milo Harbour', 'manager@harbour.test', 'manager123'],
      ['staff-harbour-owner', 'Oscar Harbour', 'owner@harbour.test', 'owner123'],
    ] as const
  ).map(([cashierId, cashierName, username, password]) => ({
    tenantId: 'harbour',
    storeId: HARBOUR_STORE_ID,
    storeCode: 'HC',
    deviceId: HARBOUR_DEVICE_ID,
    deviceCode: 'H1',
    cashierId,
    cashierName,
    username,
    password,
    products: harbourProducts(new Date(0).toISOString()),
  })),
];

/**
 * Receipt counters start at a random point far above anything a real till reaches, so runs
 * against a long-lived database (`npm run stack`) never reuse a counter value: a reused one
 * would be quarantined as a duplicate receipt and read as a lost sale.
 */
export function randomCounterStart(): number {
  return 100_000_000 + Math.floor(Math.random() * 1_900_000_000);
}

/** A valid sale of one or two lines at the seller's till, as a till would queue it. */
export function sellOne(seller: Seller, deviceSeq: number): Sale {
  const { products } = seller;
  const first = products[deviceSeq % products.length];
  const second = products[(deviceSeq * 7 + 3) % products.length];
  if (first === undefined || second === undefined) throw new Error('the seller has no products');
  const items =
    deviceSeq % 2 === 0
      ? [{ product: first, quantity: 1000 }]
      : [
          { product: first, quantity: 2000 },
          { product: second, quantity: 1000 },
        ];
  return {
    ...buildSale(deviceSeq, items, { cashierId: seller.cashierId }),
    storeId: seller.storeId,
    deviceId: seller.deviceId,
    cashierName: seller.cashierName,
    receiptNumber: formatReceiptNumber(seller.storeCode, seller.deviceCode, deviceSeq),
  };
}
