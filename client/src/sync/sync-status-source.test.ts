import { BehaviorSubject, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { MemoryStorage } from '../testing/memory-storage.ts';
import { RejectedDocuments } from './rejected-documents.ts';
import { SyncStatusStore } from './sync-status-source.ts';
import type { TillReplication } from './till-replication.ts';

function setup(online = true) {
  const storage = new MemoryStorage();
  const network = {
    isOnline: online,
    online: () => network.isOnline,
    subscribe: () => () => undefined,
  };
  const pending = {
    waiting: ['sale-1', 'sale-2'],
    ids: () => pending.waiting,
    subscribe: () => () => undefined,
  };
  const rejected = new RejectedDocuments('demo', storage);
  const status = new SyncStatusStore({
    tenantId: 'demo',
    network,
    pending,
    rejected,
    storage,
    now: () => new Date('2025-03-01T14:02:00.000Z'),
  });
  const active = new BehaviorSubject(false);
  const errors = new Subject<unknown>();
  const replication = { active$: active, error$: errors } as unknown as TillReplication;
  status.attach(replication);
  return { status, rejected, active, errors, network };
}

describe('SyncStatusStore', () => {
  it('counts waiting sales, leaving out those the server rejected', () => {
    const { status, rejected } = setup();
    expect(status.current().waiting).toBe(2);

    rejected.remember('sales', [{ id: 'sale-2', code: 'quarantined', message: 'bad totals' }]);
    expect(status.current().waiting).toBe(1);
    expect(status.current().rejected).toEqual([
      { collection: 'sales', id: 'sale-2', code: 'quarantined', message: 'bad totals' },
    ]);
  });

  it('marks the time a sync cycle finished online', () => {
    const { status, active } = setup();
    active.next(true);
    expect(status.current().phase).toBe('syncing');
    active.next(false);
    expect(status.current()).toMatchObject({
      phase: 'idle',
      lastSyncedAt: '2025-03-01T14:02:00.000Z',
    });
  });

  it('shows server errors, but not being offline, as errors', () => {
    const { status, errors } = setup();
    errors.next({
      parameters: { errors: [{ name: 'ApiError', message: 'forbidden to write sales' }] },
    });
    expect(status.current()).toMatchObject({
      phase: 'error',
      lastError: 'forbidden to write sales',
    });

    errors.next({ parameters: { errors: [{ name: 'NetworkError', message: 'unreachable' }] } });
    expect(status.current()).toMatchObject({ phase: 'idle', lastError: null });
  });
});
