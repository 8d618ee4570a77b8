import type { Product } from '@pos/shared';
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';

import type { CatalogIndex } from '../data/till-api.ts';
import { CategoryTabs } from './category-tabs.tsx';
import { ProductGrid } from './product-grid.tsx';

const SEARCH_LIMIT = 60;

// A tablet cannot lay out tens of thousands of tiles; browsing shows the first ones and the
// search box or a category narrows the rest.
const BROWSE_LIMIT = 120;

interface CatalogPanelProps {
  catalog: CatalogIndex;
  currency: string;
  stock: ReadonlyMap<string, number>;
  onAdd: (product: Product) => void;
  onBarcode: (code: string) => void;
}

interface VisibleProducts {
  shown: Product[];
  total: number;
}

function visibleProducts(
  catalog: CatalogIndex,
  query: string,
  category: string | null,
): VisibleProducts {
  const trimmed = query.trim();
  const found =
    trimmed !== ''
      ? catalog.search(trimmed, SEARCH_LIMIT)
      : category === null
        ? catalog.products
        : catalog.byCategory(category);

  const sellable = found.filter((p) => p.active && !p._deleted);
  return { shown: sellable.slice(0, BROWSE_LIMIT), total: sellable.length };
}

export function CatalogPanel({ catalog, currency, stock, onAdd, onBarcode }: CatalogPanelProps) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [barcode, setBarcode] = useState('');

  // The box shows each key at once; the grid follows when the device has time, so typing
  // (and the first key of a scan, which lands here) never waits for a re-render of the grid.
  const deferredQuery = useDeferredValue(query);
  const { shown: products, total } = useMemo(
    () => visibleProducts(catalog, deferredQuery, category),
    [catalog, deferredQuery, category],
  );

  function submitSearch(event: FormEvent): void {
    event.preventDefault();

    // Enter on a search that found exactly one product rings it up.
    const found = visibleProducts(catalog, query, category).shown;
    const only = found.length === 1 ? found[0] : undefined;
    if (only !== undefined) {
      onAdd(only);
      setQuery('');
    }
  }

  function submitBarcode(event: FormEvent): void {
    event.preventDefault();
    if (barcode.trim() === '') return;

    onBarcode(barcode);
    setBarcode('');
  }

  const emptyText =
    catalog.products.length === 0
      ? 'The catalog is still loading…'
      : query.trim() !== ''
        ? `Nothing matches “${query.trim()}”`
        : 'No products in this category';

  return (
    <section className="catalog-panel" aria-label="Products">
      <div className="catalog-panel__toolbar">
        <form className="catalog-panel__search" role="search" onSubmit={submitSearch}>
          <input
            className="till-input"
            type="search"
            placeholder="Search name or SKU"
            aria-label="Search products"
            autoComplete="off"
            value={query}
            data-testid="product-search"
            onChange={(event) => setQuery(event.target.value)}
          />
        </form>

        <form className="catalog-panel__barcode" onSubmit={submitBarcode}>
          <input
            className="till-input"
            inputMode="numeric"
            placeholder="Barcode"
            aria-label="Barcode"
            autoComplete="off"
            value={barcode}
            data-testid="barcode-input"
            onChange={(event) => setBarcode(event.target.value)}
          />
          <button type="submit" className="till-btn" data-testid="barcode-submit">
            Add
          </button>
        </form>
      </div>

      {query.trim() === '' && (
        <CategoryTabs categories={catalog.categories} selected={category} onSelect={setCategory} />
      )}

      <ProductGrid
        products={products}
        currency={currency}
        stock={stock}
        emptyText={emptyText}
        onAdd={onAdd}
      />

      {total > products.length && (
        <p className="catalog-panel__more" data-testid="product-grid-more">
          Showing {products.length} of {total}: search or choose a category to see the rest.
        </p>
      )}
    </section>
  );
}
