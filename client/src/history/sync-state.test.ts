import type { Sale, SaleServerInfo } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { saleSyncState } from './sync-state.ts';

function sale(id: string, status?: SaleServerInfo['status']): Sale {
  const totals = {
    subtotal: 100,
    discountTotal: 0,
    taxTotal: 0,
    total: 100,
    taxes: [],
    cashRounding: 0,
    due: 100,
    paid: 100,
    change: 0,
  };

  return {
    id,
    updatedAt: '2024-01-01T00:00:00.000Z',
    _deleted: false,
    kind: 'sale',
    refundOfSaleId: null,
    receiptNumber: 'MS-T1-000001',
    deviceSeq: 1,
    storeId: 's',
    deviceId: 'd',
    cashierId: 'c',
    cashierName: 'C',
    shiftId: null,
    customerId: null,
    pricing: {
      currency: 'CAD',
      pricesIncludeTax: false,
      taxRounding: 'line',
      cashRounding: { increment: 5, mode: 'nearest' },
    },
    lines: [],
    cartDiscount: null,
    totals,
    payments: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    ...(status === undefined
      ? {}
      : {
          server: {
            receivedAt: '2024-01-01T00:00:01.000Z',
            businessDay: '2024-01-01',
            status,
            issues: [],
            totals,
          },
        }),
  };
}

describe('saleSyncState', () => {
  it('is waiting until the server has answered', () => {
    expect(saleSyncState(sale('a'), new Set())).toBe('waiting');
  });

  it('follows the server status', () => {
    expect(saleSyncState(sale('a', 'accepted'), new Set())).toBe('synced');
    expect(saleSyncState(sale('a', 'flagged'), new Set())).toBe('flagged');
    expect(saleSyncState(sale('a', 'quarantined'), new Set())).toBe('rejected');
  });

  it('knows a sale is rejected from the push answer before any server field arrives', () => {
    expect(saleSyncState(sale('a'), new Set(['a']))).toBe('rejected');
  });
});
