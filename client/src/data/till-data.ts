import { CatalogSource } from './catalog-source.ts';
import { ParkedCarts } from './parked-carts.ts';
import { PendingSales } from './pending-sales.ts';
import { ReceiptCounter } from './receipt-counter.ts';
import { StockLevels } from './stock-levels.ts';
import type { TillDatabase } from './till-database.ts';

/** The in-memory views one signed-in till keeps over its tenant database. */
export interface TillData {
  db: TillDatabase;
  catalog: CatalogSource;
  pending: PendingSales;
  stock: StockLevels;
  parked: ParkedCarts;
  counter: ReceiptCounter;
  ready: Promise<void>;
  close(): Promise<void>;
}

export function openTillData(
  db: TillDatabase,
  ids: { deviceId: string; storeId: string },
  indexedDbFactory?: IDBFactory,
): TillData {
  const catalog = new CatalogSource(db);
  const pending = new PendingSales(db, ids.deviceId);
  const stock = new StockLevels(db, ids.storeId, pending);
  const counter = new ReceiptCounter(`${db.name}_receipts`, indexedDbFactory);

  return {
    db,
    catalog,
    pending,
    stock,
    parked: new ParkedCarts(db),
    counter,
    ready: Promise.all([catalog.ready, pending.ready]).then(() => undefined),
    async close() {
      catalog.close();
      stock.close();
      pending.close();
      await counter.close();
    },
  };
}
