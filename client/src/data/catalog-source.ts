import type { Product, TaxRate } from '@pos/shared';

import { log } from '../app/log.ts';
import { buildCatalogIndex, emptyCatalog } from './catalog-index.ts';
import { LiveDocumentMap } from './live-document-map.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import { throttledTask } from './throttled-task.ts';
import type { TillDatabase } from './till-database.ts';
import type { CatalogIndex } from './till-api.ts';

const REBUILD_INTERVAL_MS = 250;
/** While a large catalog streams in, rebuilding may take at most a fifth of the main thread. */
const REBUILD_BUDGET = 5;

/** The live catalog: products, categories and tax rates from RxDB, indexed in memory. */
export class CatalogSource {
  private index: CatalogIndex = emptyCatalog;
  private readonly listeners = new Set<(catalog: CatalogIndex) => void>();
  private readonly products: LiveDocumentMap<RxDoc<'products'>>;
  private readonly categories: LiveDocumentMap<RxDoc<'categories'>>;
  private readonly taxRates: LiveDocumentMap<RxDoc<'tax_rates'>>;
  private lastBuildMs = 0;
  private readonly rebuild = throttledTask(
    () => this.build(),
    () => Math.max(REBUILD_INTERVAL_MS, this.lastBuildMs * REBUILD_BUDGET),
  );
  readonly ready: Promise<void>;

  constructor(db: TillDatabase) {
    const started = performance.now();
    const changed = () => this.rebuild.schedule();
    this.products = new LiveDocumentMap(db.products, changed);
    this.categories = new LiveDocumentMap(db.categories, changed);
    this.taxRates = new LiveDocumentMap(db.tax_rates, changed);

    this.ready = Promise.all([
      this.products.ready,
      this.categories.ready,
      this.taxRates.ready,
    ]).then(() => {
      const read = performance.now();
      this.rebuild.cancel();
      this.build();
      log.info('catalog loaded', {
        products: this.index.products.length,
        readMs: Math.round(read - started),
        indexMs: Math.round(performance.now() - read),
      });
    });
  }

  current(): CatalogIndex {
    return this.index;
  }

  /** Any live product, active or not: a cart keeps pricing an item deactivated mid-sale. */
  product(id: string): Product | undefined {
    return this.products.docs.get(id);
  }

  taxRate(id: string): TaxRate | undefined {
    return this.taxRates.docs.get(id);
  }

  subscribe(listener: (catalog: CatalogIndex) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private build(): void {
    const started = performance.now();
    this.index = buildCatalogIndex({
      products: this.products.docs.values(),
      categories: this.categories.docs.values(),
      taxRates: this.taxRates.docs.values(),
    });
    this.lastBuildMs = performance.now() - started;
    for (const listener of this.listeners) listener(this.index);
  }

  close(): void {
    this.rebuild.cancel();
    this.products.close();
    this.categories.close();
    this.taxRates.close();
    this.listeners.clear();
  }
}
