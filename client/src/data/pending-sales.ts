import type { Sale } from '@pos/shared';

import { LiveDocumentMap } from './live-document-map.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import type { TillDatabase } from './till-database.ts';

/**
 * This device's sales the server has not stored yet. The server adds the `server` field when
 * it stores a sale and the till pulls that version back, so a sale without it is still queued.
 * TODO(#3): count shifts and cash movements too once the till writes them.
 */
export class PendingSales {
  private readonly map: LiveDocumentMap<RxDoc<'sales'>>;
  private readonly listeners = new Set<() => void>();
  readonly ready: Promise<void>;

  constructor(db: TillDatabase, deviceId: string) {
    this.map = new LiveDocumentMap<RxDoc<'sales'>>(
      db.sales,
      () => this.listeners.forEach((listener) => listener()),
      (sale) => sale.deviceId === deviceId && sale.server === undefined,
      { deviceId, server: { $exists: false } },
    );
    this.ready = this.map.ready;
  }

  sales(): Iterable<Sale> {
    return this.map.docs.values();
  }

  ids(): Iterable<string> {
    return this.map.docs.keys();
  }

  get size(): number {
    return this.map.docs.size;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.map.close();
    this.listeners.clear();
  }
}
