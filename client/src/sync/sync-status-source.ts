import type { Subscription } from 'rxjs';

import type { SyncStatusSource } from '../data/local-till-api.ts';
import type { PendingSales } from '../data/pending-sales.ts';
import type { SyncStatus } from '../data/till-api.ts';
import type { NetworkMonitor } from './network-monitor.ts';
import { describeSyncError } from './describe-sync-error.ts';
import type { RejectedDocuments } from './rejected-documents.ts';
import type { TillReplication } from './till-replication.ts';

export interface SyncStatusDeps {
  tenantId: string;
  network: Pick<NetworkMonitor, 'online' | 'subscribe'>;
  pending: Pick<PendingSales, 'ids' | 'subscribe'>;
  rejected: RejectedDocuments;
  storage?: Storage;
  now?: () => Date;
}

/**
 * Everything the sync indicator shows, in one object. `waiting` comes from the database, so
 * every tab agrees on it; only the leader tab replicates, so the time of the last completed
 * sync is shared through localStorage.
 */
export class SyncStatusStore implements SyncStatusSource {
  private status: SyncStatus;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly cleanups: (() => void)[] = [];
  private subscriptions: Subscription[] = [];
  private readonly storage: Storage;
  private readonly lastSyncedKey: string;
  private active = false;
  private error: string | null = null;

  constructor(private readonly deps: SyncStatusDeps) {
    this.storage = deps.storage ?? localStorage;
    this.lastSyncedKey = `pos.lastSyncedAt.${deps.tenantId}`;
    this.status = this.compute();

    const update = () => this.update();
    this.cleanups.push(deps.network.subscribe(update), deps.pending.subscribe(update));
    this.cleanups.push(deps.rejected.subscribe(update));
  }

  /** Follows a replication (in the tab that runs one). */
  attach(replication: TillReplication): void {
    this.subscriptions.push(
      replication.active$.subscribe((active) => {
        const finished = this.active && !active;
        this.active = active;
        // A cycle that ends without error has everything: that is the "synced at" moment.
        if (finished && this.deps.network.online()) {
          this.error = null;
          this.storage.setItem(this.lastSyncedKey, (this.deps.now?.() ?? new Date()).toISOString());
        }
        this.update();
      }),
      replication.error$.subscribe((error) => {
        this.error = describeSyncError(error);
        this.update();
      }),
    );
  }

  /** localStorage changed in another tab. */
  storageChanged(key: string | null): void {
    if (key === null || key === this.lastSyncedKey) this.update();
  }

  current(): SyncStatus {
    return this.status;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private compute(): SyncStatus {
    const rejectedIds = this.deps.rejected.ids();
    let waiting = 0;
    for (const id of this.deps.pending.ids()) if (!rejectedIds.has(id)) waiting += 1;

    const online = this.deps.network.online();
    const lastError = online ? this.error : null;
    return {
      online,
      phase: lastError !== null ? 'error' : this.active && online ? 'syncing' : 'idle',
      waiting,
      lastSyncedAt: this.storage.getItem(this.lastSyncedKey),
      lastError,
      rejected: this.deps.rejected
        .list()
        .map(({ collection, id, code, message }) => ({ collection, id, code, message })),
    };
  }

  private update(): void {
    const next = this.compute();
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    for (const listener of this.listeners) listener(next);
  }

  close(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
    this.subscriptions = [];
    this.cleanups.forEach((cleanup) => cleanup());
    this.listeners.clear();
  }
}
