import type { Sale } from '@pos/shared';

import { LiveDocumentMap } from './live-document-map.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import { acknowledgedSalesFor, syncedMarksFor, type SyncedMarks } from './synced-marks.ts';
import type { TillDatabase } from './till-database.ts';

/**
 * This device's sales, shifts and cash movements the server has not stored yet. The server
 * adds the `server` field when it stores a sale and the till pulls that version back, so a
 * sale without it is still queued. Shifts and cash movements get no such field; for them the
 * replication records which version the server holds (SyncedMarks).
 */
export class PendingSales {
  private readonly map: LiveDocumentMap<RxDoc<'sales'>>;
  private readonly shifts: LiveDocumentMap<RxDoc<'shifts'>>;
  private readonly movements: LiveDocumentMap<RxDoc<'cash_movements'>>;
  private readonly synced: SyncedMarks;
  private readonly acknowledged: SyncedMarks;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  readonly ready: Promise<void>;

  constructor(db: TillDatabase, deviceId: string) {
    const changed = () => this.listeners.forEach((listener) => listener());
    this.map = new LiveDocumentMap<RxDoc<'sales'>>(
      db.sales,
      changed,
      (sale) => sale.deviceId === deviceId && sale.server === undefined,
      { deviceId, server: { $exists: false } },
    );
    this.shifts = new LiveDocumentMap<RxDoc<'shifts'>>(
      db.shifts,
      changed,
      (shift) => shift.deviceId === deviceId,
      { deviceId },
    );
    this.movements = new LiveDocumentMap<RxDoc<'cash_movements'>>(
      db.cash_movements,
      changed,
      (movement) => movement.deviceId === deviceId,
      { deviceId },
    );

    this.synced = syncedMarksFor(db.name);
    this.cleanups.push(this.synced.subscribe(changed));
    this.acknowledged = acknowledgedSalesFor(db.name);
    this.cleanups.push(this.acknowledged.subscribe(changed));
    if (typeof window !== 'undefined') {
      const onStorage = (event: StorageEvent) => {
        if (event.key === this.synced.storageKey) this.synced.reload();
      };
      window.addEventListener('storage', onStorage);
      this.cleanups.push(() => window.removeEventListener('storage', onStorage));
    }

    this.ready = Promise.all([this.map.ready, this.shifts.ready, this.movements.ready]).then(
      () => undefined,
    );
  }

  private *unsyncedOthers(): Iterable<string> {
    for (const shift of this.shifts.docs.values()) {
      if (!this.synced.isSynced(shift)) yield shift.id;
    }
    for (const movement of this.movements.docs.values()) {
      if (!this.synced.isSynced(movement)) yield movement.id;
    }
  }

  /**
   * Sales without their server copy yet. Their stock movements from the server come with that
   * copy, so the till keeps counting these itself until then.
   */
  sales(): Iterable<Sale> {
    return this.map.docs.values();
  }

  /**
   * Every waiting document: sales, shifts and cash movements. A sale the server answered as
   * stored is no longer waiting, even before its server copy arrives.
   */
  *ids(): Iterable<string> {
    for (const sale of this.map.docs.values()) {
      if (!this.acknowledged.isSynced(sale)) yield sale.id;
    }
    yield* this.unsyncedOthers();
  }

  get size(): number {
    return [...this.ids()].length;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.map.close();
    this.shifts.close();
    this.movements.close();
    this.cleanups.forEach((cleanup) => cleanup());
    this.listeners.clear();
  }
}
