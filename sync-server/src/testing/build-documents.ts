import type { CashMovement, Customer, Shift, Staff } from '@pos/shared';

import { DEMO_DEVICE_ID, DEMO_STORE_ID } from '../seed/demo-organisation.ts';

const AT = '2026-03-02T09:00:00.000Z';

/** An open shift on the demo till with a 100.00 float. */
export function buildShift(id: string, overrides: Partial<Shift> = {}): Shift {
  return {
    id,
    updatedAt: AT,
    _deleted: false,
    storeId: DEMO_STORE_ID,
    deviceId: DEMO_DEVICE_ID,
    status: 'open',
    openedBy: 'staff-cashier',
    openedAt: AT,
    openingFloat: 100_00,
    closedBy: null,
    closedAt: null,
    blindClose: false,
    countedByDenomination: null,
    countedCash: null,
    expectedCash: null,
    ...overrides,
  };
}

/** The same shift closed with a count, as the till pushes the closing. */
export function closeShift(shift: Shift, expectedCash: number, countedCash: number): Shift {
  const closedAt = '2026-03-02T17:00:00.000Z';
  return {
    ...shift,
    updatedAt: closedAt,
    status: 'closed',
    closedBy: 'staff-cashier',
    closedAt,
    countedCash,
    expectedCash,
  };
}

export function buildCashMovement(
  id: string,
  shiftId: string,
  type: CashMovement['type'],
  amount: number,
): CashMovement {
  return {
    id,
    updatedAt: AT,
    _deleted: false,
    shiftId,
    storeId: DEMO_STORE_ID,
    deviceId: DEMO_DEVICE_ID,
    type,
    amount,
    reason: type === 'in' ? 'float top-up' : 'paid out',
    createdBy: 'staff-cashier',
    createdAt: AT,
  };
}

export function buildCustomer(id: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    updatedAt: AT,
    _deleted: false,
    name: id,
    email: null,
    phone: null,
    mergedInto: null,
    createdAt: AT,
    ...overrides,
  };
}

export function buildStaff(id: string, overrides: Partial<Staff> = {}): Staff {
  return {
    id,
    updatedAt: AT,
    _deleted: false,
    displayName: id,
    email: `${id}@demo.test`,
    roles: ['manager'],
    storeIds: [DEMO_STORE_ID],
    pinHash: null,
    ...overrides,
  };
}
