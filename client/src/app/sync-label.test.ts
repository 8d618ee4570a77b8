import { describe, expect, it } from 'vitest';

import type { SyncStatus } from '../data/till-api.ts';
import { calendarDate, clockTime, syncLabel } from './sync-label.ts';

const base: SyncStatus = {
  online: true,
  phase: 'idle',
  waiting: 0,
  lastSyncedAt: '2025-03-01T14:02:00.000Z',
  lastError: null,
  rejected: [],
};

describe('syncLabel', () => {
  it('says what a cashier needs at a glance', () => {
    expect(syncLabel(base, false, 'UTC')).toBe('Online · all synced 14:02');
    expect(syncLabel({ ...base, online: false, waiting: 3 }, false, 'UTC')).toBe(
      'Offline · 3 sales waiting',
    );
    expect(syncLabel({ ...base, online: false, waiting: 1 }, false, 'UTC')).toBe(
      'Offline · 1 sale waiting',
    );
    expect(syncLabel({ ...base, waiting: 2 }, false, 'UTC')).toBe('Online · sending 2 sales');
    expect(syncLabel({ ...base, phase: 'error', lastError: 'forbidden' }, false, 'UTC')).toBe(
      'Sync problem · forbidden',
    );
    expect(syncLabel({ ...base, waiting: 1 }, true, 'UTC')).toBe('Sign in again · 1 sale waiting');
    expect(syncLabel({ ...base, lastSyncedAt: null }, false, 'UTC')).toBe('Online · syncing…');
  });

  it('never says "all synced" while the server rejected a document (b30)', () => {
    const rejected = [
      { collection: 'sales', id: 's-1', code: 'duplicate_receipt_number', message: 'x' },
    ];
    expect(syncLabel({ ...base, rejected }, false, 'UTC')).toBe('1 sale rejected — see details');
    expect(
      syncLabel({ ...base, rejected: [...rejected, { ...rejected[0]!, id: 's-2' }] }, false, 'UTC'),
    ).toBe('2 sales rejected — see details');
    expect(syncLabel({ ...base, waiting: 1, online: false, rejected }, false, 'UTC')).toBe(
      '1 sale rejected — see details · 1 sale waiting · offline',
    );
    expect(
      syncLabel({ ...base, rejected: [{ ...rejected[0]!, collection: 'shifts' }] }, false, 'UTC'),
    ).toBe('1 document rejected — see details');
  });

  it('shows times on the store clock, not the device clock', () => {
    expect(syncLabel(base, false, 'America/Toronto')).toBe('Online · all synced 09:02');
    expect(syncLabel(base, false, 'Asia/Kolkata')).toBe('Online · all synced 19:32');
    expect(clockTime('2025-03-01T23:30:00.000Z', 'Pacific/Auckland')).toBe('12:30');
    expect(calendarDate('2025-03-01T23:30:00.000Z', 'Pacific/Auckland')).toBe('2025-03-02');
    // A zone the browser does not know still shows a time.
    expect(clockTime(base.lastSyncedAt!, 'Not/AZone')).toMatch(/^\d\d:\d\d$/);
  });
});
