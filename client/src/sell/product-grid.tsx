import { formatMoney, type Product } from '@pos/shared';
import { memo } from 'react';

interface ProductGridProps {
  products: readonly Product[];
  currency: string;
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
      {products.map((product) => (
        <li key={product.id}>
          <button
            type="button"
            className="product-tile"
            data-testid={`product-tile-${product.sku}`}
            onClick={() => onAdd(product)}
          >
            <span className="product-tile__name">{product.name}</span>
            <span className="product-tile__meta">
              <span className="product-tile__sku">{product.sku}</span>
              <span className="product-tile__price">{formatMoney(product.price, currency)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
});
