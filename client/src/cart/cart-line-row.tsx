import { formatMoney, type Product } from '@pos/shared';
import { useState, type FormEvent } from 'react';

import type { CartLine } from '../data/till-api.ts';
import { lineAmounts } from './cart-amounts.ts';
import { describeDiscount } from './discount-policy.ts';
import { formatThousandths, parseThousandths } from './thousandths.ts';
import { formatKilograms, parseWeight } from './weight.ts';

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
  const [weightError, setWeightError] = useState<string | null>(null);

  const unitPrice = line.unitPrice ?? product?.price ?? 0;
  // A price-marked label is one item at its printed price, whatever the product is sold by.
  const byWeight = product?.soldBy === 'weight' && line.unitPrice === undefined;
  const { discount, net } = lineAmounts(line, product);
  const quantityText = byWeight
    ? `${formatKilograms(line.quantity)} kg`
    : formatThousandths(line.quantity);

  function startEditing(): void {
    setDraft(byWeight ? formatKilograms(line.quantity) : formatThousandths(line.quantity));
    setWeightError(null);
    setEditing(true);
  }

  function commitPieces(): void {
    setEditing(false);

    const quantity = parseThousandths(draft);
    if (quantity === null || quantity % 1000 !== 0) return;
    props.onSetQuantity(quantity);
  }

  /** Enter keeps a wrong weight open with the reason; leaving the field drops it. */
  function commitWeight(submitted: boolean): void {
    const result = parseWeight(draft);
    if (!result.ok && submitted) {
      setWeightError(result.message);
      return;
    }
    setEditing(false);
    setWeightError(null);
    if (result.ok) props.onSetQuantity(result.quantity);
  }

  function commit(event?: FormEvent): void {
    event?.preventDefault();
    if (byWeight) commitWeight(event !== undefined);
    else commitPieces();
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
        {quantityText} × {formatMoney(unitPrice, currency)}
        {byWeight ? '/kg' : ''}
        {line.discount !== null && (
          <span className="cart-line__discount" data-testid="cart-line-discount">
            −{formatMoney(discount, currency)} ({describeDiscount(line.discount, currency)},{' '}
            {line.discount.reason})
          </span>
        )}
      </div>

      <div className="cart-line__controls">
        {!byWeight && (
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
        )}

        {editing ? (
          <form onSubmit={commit}>
            <input
              className="till-input cart-line__quantity-input"
              inputMode="decimal"
              aria-label={byWeight ? 'Weight in kg' : 'Quantity'}
              autoFocus
              value={draft}
              data-testid="line-quantity-input"
              onChange={(event) => {
                setDraft(event.target.value);
                setWeightError(null);
              }}
              onBlur={() => commit()}
            />
          </form>
        ) : (
          <button
            type="button"
            className="till-btn till-btn--small cart-line__quantity"
            aria-label={byWeight ? 'Change weight' : 'Change quantity'}
            data-testid="line-quantity"
            onClick={startEditing}
          >
            {quantityText}
          </button>
        )}

        {!byWeight && (
          <button
            type="button"
            className="till-btn till-btn--small"
            aria-label="One more"
            data-testid="line-increase"
            onClick={() => props.onStep(1)}
          >
            +
          </button>
        )}

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

      {weightError !== null && (
        <p className="till-error" role="alert" data-testid="line-weight-error">
          {weightError}
        </p>
      )}
    </li>
  );
}
