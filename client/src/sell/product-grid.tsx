import { formatMoney, type Product } from '@pos/shared';
import { memo } from 'react';

import { formatThousandths } from '../cart/thousandths.ts';

interface ProductGridProps {
  products: readonly Product[];
  currency: string;
  /** On hand per product id, in thousandths; a product without an entry shows none. */
  stock: ReadonlyMap<string, number>;
  emptyText: string;
  onAdd: (product: Product) => void;
}

/**
 * Memoised: typing in the search box re-renders the panel on every key, and hundreds of
 * tiles must not be redrawn until the (deferred) results actually change.
 */
export const ProductGrid = memo(function ProductGrid({
  products,
  currency,
  stock,
  emptyText,
  onAdd,
}: ProductGridProps) {
  if (products.length === 0) {
    return (
      <p className="product-grid__empty" data-testid="product-grid-empty">
        {emptyText}
      </p>
    );
  }

  return (
    <ul className="product-grid" data-testid="product-grid">
      {products.map((product) => {
        const onHand = stock.get(product.id);
        return (
          <li key={product.id}>
            <button
              type="button"
              className="product-tile"
              data-testid={`product-tile-${product.sku}`}
              data-on-hand={onHand === undefined ? undefined : String(onHand)}
              onClick={() => onAdd(product)}
            >
              <span className="product-tile__name">{product.name}</span>
              <span className="product-tile__meta">
                <span className="product-tile__sku">{product.sku}</span>
                <span className="product-tile__price">{formatMoney(product.price, currency)}</span>
              </span>
              {onHand !== undefined && (
                <span className="product-tile__stock" data-testid="product-tile-stock">
                  {formatThousandths(onHand)} in stock
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
});
