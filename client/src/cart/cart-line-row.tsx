import { formatMoney, type Product } from '@pos/shared';
import { useState, type FormEvent } from 'react';

import type { CartLine } from '../data/till-api.ts';
import { lineAmounts } from './cart-amounts.ts';
import { describeDiscount } from './discount-policy.ts';
import { formatThousandths, parseThousandths } from './thousandths.ts';

interface CartLineRowProps {
  line: CartLine;
  product: Product | undefined;
  currency: string;
  onStep: (pieces: number) => void;
  onSetQuantity: (quantity: number) => void;
  onRemove: () => void;
  onDiscount: () => void;
  /** Why this cashier may not give discounts at all; null when they may. */
  discountBlocked: string | null;
}

export function CartLineRow(props: CartLineRowProps) {
  const { line, product, currency } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');

  const unitPrice = line.unitPrice ?? product?.price ?? 0;
  const byWeight = product?.soldBy === 'weight';
  const { discount, net } = lineAmounts(line, product);

  function startEditing(): void {
    setDraft(formatThousandths(line.quantity));
    setEditing(true);
  }

  function commit(event?: FormEvent): void {
    event?.preventDefault();
    setEditing(false);

    const quantity = parseThousandths(draft);
    if (quantity === null || (!byWeight && quantity % 1000 !== 0)) return;
    props.onSetQuantity(quantity);
  }

  return (
    <li
      className="cart-line"
      data-testid="cart-line"
      data-sku={product?.sku ?? ''}
      data-quantity={line.quantity}
    >
      <div className="cart-line__main">
        <span className="cart-line__name">{product?.name ?? 'Item no longer in the catalog'}</span>
        <span className="cart-line__amount" data-testid="cart-line-amount" data-minor={net}>
          {formatMoney(net, currency)}
        </span>
      </div>

      <div className="cart-line__detail">
        {formatThousandths(line.quantity)}
        {byWeight ? ' kg' : ''} × {formatMoney(unitPrice, currency)}
        {byWeight ? '/kg' : ''}
        {line.discount !== null && (
          <span className="cart-line__discount" data-testid="cart-line-discount">
            −{formatMoney(discount, currency)} ({describeDiscount(line.discount, currency)},{' '}
            {line.discount.reason})
          </span>
        )}
      </div>

      <div className="cart-line__controls">
        <button
          type="button"
          className="till-btn till-btn--small"
          aria-label="One less"
          data-testid="line-decrease"
          disabled={line.quantity <= 1000}
          onClick={() => props.onStep(-1)}
        >
          −
        </button>

        {editing ? (
          <form onSubmit={commit}>
            <input
              className="till-input cart-line__quantity-input"
              inputMode="decimal"
              aria-label="Quantity"
              autoFocus
              value={draft}
              data-testid="line-quantity-input"
              onChange={(event) => setDraft(event.target.value)}
              onBlur={() => commit()}
            />
          </form>
        ) : (
          <button
            type="button"
            className="till-btn till-btn--small cart-line__quantity"
            aria-label="Change quantity"
            data-testid="line-quantity"
            onClick={startEditing}
          >
            {formatThousandths(line.quantity)}
          </button>
        )}

        <button
          type="button"
          className="till-btn till-btn--small"
          aria-label="One more"
          data-testid="line-increase"
          onClick={() => props.onStep(1)}
        >
          +
        </button>

        <button
          type="button"
          className="till-btn till-btn--small"
          aria-label="Discount on this line"
          data-testid="line-discount"
          disabled={props.discountBlocked !== null}
          title={props.discountBlocked ?? undefined}
          onClick={props.onDiscount}
        >
          %
        </button>

        <button
          type="button"
          className="till-btn till-btn--small till-btn--danger"
          aria-label="Remove"
          data-testid="line-remove"
          onClick={props.onRemove}
        >
          ✕
        </button>
      </div>
    </li>
  );
}
