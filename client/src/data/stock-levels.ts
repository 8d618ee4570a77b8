import { onHand, saleStockMovements, type StockMovement } from '@pos/shared';

import { LiveDocumentMap } from './live-document-map.ts';
import type { PendingSales } from './pending-sales.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import { throttledTask } from './throttled-task.ts';
import type { TillDatabase } from './till-database.ts';

const EMPTY: ReadonlyMap<string, number> = new Map();

/**
 * On hand for this store: the ledger pulled from the server, plus the movements of this till's
 * sales that have not come back in that ledger yet. Movement ids are derived from sale and line,
 * so a sale's movements are counted once, whether they came from the server or not.
 */
export class StockLevels {
  private readonly ledger: LiveDocumentMap<RxDoc<'stock_movements'>>;
  private readonly recompute = throttledTask(() => this.compute(), 250);
  private totals: Map<string, number> | undefined;
  private readonly listeners = new Set<(levels: ReadonlyMap<string, number>) => void>();
  private readonly unsubscribePending: () => void;

  constructor(
    db: TillDatabase,
    storeId: string,
    private readonly pending: PendingSales,
  ) {
    const changed = () => this.recompute.schedule();
    this.ledger = new LiveDocumentMap<RxDoc<'stock_movements'>>(
      db.stock_movements,
      changed,
      (movement) => movement.storeId === storeId,
      { storeId },
    );
    this.unsubscribePending = pending.subscribe(changed);
    void Promise.all([this.ledger.ready, pending.ready]).then(() => this.compute());
  }

  /** Thousandths on hand, or undefined while the ledger loads or has no entry for it. */
  onHand(productId: string): number | undefined {
    return this.totals?.get(productId);
  }

  /** Every product's on hand; a new map after each change, empty while the ledger loads. */
  levels(): ReadonlyMap<string, number> {
    return this.totals ?? EMPTY;
  }

  /** Hears each recomputation: a sale here, or a movement another till's sale streamed in. */
  subscribe(listener: (levels: ReadonlyMap<string, number>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private compute(): void {
    const movements: StockMovement[] = [...this.ledger.docs.values()];
    for (const sale of this.pending.sales()) {
      for (const movement of saleStockMovements(sale, sale.createdAt)) {
        if (!this.ledger.docs.has(movement.id)) movements.push(movement);
      }
    }
    const totals = onHand(movements);
    this.totals = totals;
    this.listeners.forEach((listener) => listener(totals));
  }

  close(): void {
    this.listeners.clear();
    this.recompute.cancel();
    this.unsubscribePending();
    this.ledger.close();
  }
}
