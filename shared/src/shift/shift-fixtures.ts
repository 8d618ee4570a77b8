import type { CashMovement, Shift } from '../documents/organisation.ts';
import type { Sale } from '../documents/sale.ts';

/** Builders for tests of the shift report; not part of the package's API. */

export function shift(overrides: Partial<Shift> = {}): Shift {
  return {
    id: 'shift-1',
    updatedAt: '2024-05-01T17:00:00.000Z',
    _deleted: false,
    storeId: 'store-1',
    deviceId: 'device-1',
    status: 'closed',
    openedBy: 'staff-1',
    openedAt: '2024-05-01T09:00:00.000Z',
    openingFloat: 100_00,
    closedBy: 'staff-1',
    closedAt: '2024-05-01T17:00:00.000Z',
    blindClose: true,
    countedByDenomination: null,
    countedCash: null,
    expectedCash: null,
    ...overrides,
  };
}

export function inShift(doc: Sale, createdAt: string, shiftId = 'shift-1'): Sale {
  return { ...doc, shiftId, createdAt };
}

export function movement(
  id: string,
  type: CashMovement['type'],
  amount: number,
  shiftId = 'shift-1',
): CashMovement {
  return {
    id,
    updatedAt: '2024-05-01T12:00:00.000Z',
    _deleted: false,
    shiftId,
    storeId: 'store-1',
    deviceId: 'device-1',
    type,
    amount,
    reason: 'test',
    createdBy: 'staff-1',
    createdAt: '2024-05-01T12:00:00.000Z',
  };
}
