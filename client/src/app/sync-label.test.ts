import { describe, expect, it } from 'vitest';

import type { SyncStatus } from '../data/till-api.ts';
import { syncLabel } from './sync-label.ts';

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
    expect(syncLabel(base, false)).toMatch(/^Online · all synced \d\d:\d\d$/);
    expect(syncLabel({ ...base, online: false, waiting: 3 }, false)).toBe(
      'Offline · 3 sales waiting',
    );
    expect(syncLabel({ ...base, online: false, waiting: 1 }, false)).toBe(
      'Offline · 1 sale waiting',
    );
    expect(syncLabel({ ...base, waiting: 2 }, false)).toBe('Online · sending 2 sales');
    expect(syncLabel({ ...base, phase: 'error', lastError: 'forbidden' }, false)).toBe(
      'Sync problem · forbidden',
    );
    expect(syncLabel({ ...base, waiting: 1 }, true)).toBe('Sign in again · 1 sale waiting');
    expect(syncLabel({ ...base, lastSyncedAt: null }, false)).toBe('Online · syncing…');
  });
});
