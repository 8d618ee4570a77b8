import {
  hashPin,
  type Category,
  type Device,
  type Role,
  type Staff,
  type Store,
  type TaxRate,
} from '@pos/shared';

import { GST_ID, PST_ID } from './generate-catalog.ts';
import { DEMO_SCANNING } from './plu-products.ts';
import { categoryWords } from './word-lists.ts';

export const DEMO_TENANT = { id: 'demo', name: 'Demo Bakery & Grocery' } as const;
export const DEMO_STORE_ID = 'store-main';
export const DEMO_DEVICE_ID = 'device-t1';

export interface DemoUser {
  staff: Staff;
  password: string;
}

export function demoStore(updatedAt: string): Store {
  return {
    id: DEMO_STORE_ID,
    updatedAt,
    _deleted: false,
    name: 'Main Street',
    code: 'MS',
    timezone: 'America/Toronto',
    address: '123 Main Street, Toronto, ON M5V 2T6',
    pricing: {
      currency: 'CAD',
      pricesIncludeTax: false,
      taxRounding: 'total',
      cashRounding: { increment: 5, mode: 'nearest' },
    },
    discountLimits: { cashier: 10_000, manager: 50_000, owner: 100_000 },
    receiptHeader: 'Demo Bakery & Grocery',
    receiptFooter: 'Thank you! Returns within 30 days with receipt.',
    scanning: DEMO_SCANNING,
  };
}

export function demoDevice(updatedAt: string): Device {
  return {
    id: DEMO_DEVICE_ID,
    updatedAt,
    _deleted: false,
    storeId: DEMO_STORE_ID,
    code: 'T1',
    name: 'Till 1',
  };
}

export function demoTaxRates(updatedAt: string): TaxRate[] {
  return [
    { id: GST_ID, updatedAt, _deleted: false, name: 'GST', rateMilliPercent: 5000 },
    { id: PST_ID, updatedAt, _deleted: false, name: 'PST', rateMilliPercent: 7000 },
  ];
}

export function demoCategories(updatedAt: string): Category[] {
  return categoryWords.map((words, index) => ({
    id: words.id,
    updatedAt,
    _deleted: false,
    name: words.name,
    color: words.color,
    sortOrder: (index + 1) * 10,
  }));
}

/** A staff member of one store; an owner's role holds in every store of the tenant anyway. */
export async function staffMember(
  updatedAt: string,
  storeId: string,
  person: { id: string; displayName: string; email: string; role: Role; pin: string | null },
): Promise<Staff> {
  return {
    id: person.id,
    updatedAt,
    _deleted: false,
    displayName: person.displayName,
    email: person.email,
    roles: [person.role],
    storeIds: [storeId],
    pinHash: person.pin === null ? null : await hashPin(person.pin),
  };
}

/** Their ids are the Keycloak user ids of the realm's demo users, so `sub` names the staff. */
export async function demoUsers(updatedAt: string): Promise<DemoUser[]> {
  const member = (id: string, displayName: string, email: string, role: Role, pin: string) =>
    staffMember(updatedAt, DEMO_STORE_ID, { id, displayName, email, role, pin });

  return [
    {
      staff: await member('staff-cashier', 'Casey Cashier', 'cashier@demo.test', 'cashier', '1234'),
      password: 'cashier123',
    },
    {
      staff: await member(
        'staff-manager',
        'Morgan Manager',
        'manager@demo.test',
        'manager',
        '9999',
      ),
      password: 'manager123',
    },
    {
      staff: await member('staff-owner', 'Olive Owner', 'owner@demo.test', 'owner', '4321'),
      password: 'owner123',
    },
  ];
}
