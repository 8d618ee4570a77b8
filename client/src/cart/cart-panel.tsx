import type { Discount, Product } from '@pos/shared';
import { useMemo, useState } from 'react';

import { CartCustomer } from '../customer/cart-customer.tsx';
import type { TillApi, TillContext } from '../data/till-api.ts';
import { describeDiscount } from './discount-policy.ts';
import { cartDiscountBase, lineAmounts } from './cart-amounts.ts';
import { CartLineRow } from './cart-line-row.tsx';
import type { CartStore } from './cart-store.ts';
import { DiscountDialog } from './discount-dialog.tsx';
import { priceSafely } from './price-safely.ts';
import { TotalsView } from './totals-view.tsx';
import { useCart } from './use-cart.ts';

import '../sell/till-controls.css';
import './cart-panel.css';

interface CartPanelProps {
  api: TillApi;
  till: TillContext;
  store: CartStore;
  products: ReadonlyMap<string, Product>;
  onPay: () => void;
  onPark: () => void;
  onShowParked: () => void;
}

/** Which discount the dialog edits: one line's, or the whole cart's. */
type DiscountTarget = { kind: 'line'; lineId: string } | { kind: 'cart' } | null;

export function CartPanel({ api, till, store, products, ...actions }: CartPanelProps) {
  const cart = useCart(store, (s) => s.cart);
  const { step, setQuantity, remove, setLineDiscount, setCartDiscount } = store.getState();
  const [discountTarget, setDiscountTarget] = useState<DiscountTarget>(null);

  const currency = till.store.pricing.currency;
  const priced = useMemo(() => priceSafely(api, cart, []), [api, cart]);
  const empty = cart.lines.length === 0;
  // A parked cart stores no price of its own, so a price-marked line would lose its price.
  const labelled = cart.lines.some((line) => line.unitPrice !== undefined);
  const discountRight = api.approvals.cashierMay({
    action: 'apply_discount',
    discountMilliPercent: 0,
  });
  const discountBlocked = discountRight.allowed ? null : discountRight.reason;

  const dialogLine =
    discountTarget?.kind === 'line'
      ? cart.lines.find((l) => l.lineId === discountTarget.lineId)
      : undefined;
  const currentDiscount =
    discountTarget?.kind === 'cart' ? cart.cartDiscount : (dialogLine?.discount ?? null);
  const discountBase =
    dialogLine !== undefined
      ? lineAmounts(dialogLine, products.get(dialogLine.productId)).gross
      : cartDiscountBase(cart.lines, products);

  function applyDiscount(discount: Discount | null): void {
    if (discountTarget?.kind === 'line') setLineDiscount(discountTarget.lineId, discount);
    if (discountTarget?.kind === 'cart') setCartDiscount(discount);
  }

  return (
    <section className="cart-panel" aria-label="Current sale" data-testid="cart">
      <header className="cart-panel__header">
        <h2>Sale</h2>
        <div className="till-row">
          <button
            type="button"
            className="till-btn"
            data-testid="park-cart"
            disabled={empty || labelled}
            title={labelled ? 'Price-labelled items cannot be parked: sell them now' : undefined}
            onClick={actions.onPark}
          >
            Park
          </button>
          <button
            type="button"
            className="till-btn"
            data-testid="parked-carts"
            onClick={actions.onShowParked}
          >
            Parked
          </button>
        </div>
      </header>

      {empty ? (
        <p className="cart-panel__empty" data-testid="cart-empty">
          Scan or tap a product to start a sale.
        </p>
      ) : (
        <ul className="cart-panel__lines">
          {cart.lines.map((line) => (
            <CartLineRow
              key={line.lineId}
              line={line}
              product={products.get(line.productId)}
              currency={currency}
              onStep={(pieces) => step(line.lineId, pieces)}
              onSetQuantity={(quantity) => setQuantity(line.lineId, quantity)}
              onRemove={() => remove(line.lineId)}
              onDiscount={() => setDiscountTarget({ kind: 'line', lineId: line.lineId })}
              discountBlocked={discountBlocked}
            />
          ))}
        </ul>
      )}

      <footer className="cart-panel__footer">
        <CartCustomer
          api={api}
          customerId={cart.customerId}
          onAttach={(customerId) => store.getState().setCustomer(customerId)}
        />
        <button
          type="button"
          className="till-btn cart-panel__cart-discount"
          data-testid="cart-discount"
          disabled={empty || discountBlocked !== null}
          title={discountBlocked ?? undefined}
          onClick={() => setDiscountTarget({ kind: 'cart' })}
        >
          {cart.cartDiscount === null
            ? 'Discount on the whole sale'
            : `Sale discount ${describeDiscount(cart.cartDiscount, currency)} (${cart.cartDiscount.reason})`}
        </button>

        {priced.ok ? (
          <TotalsView totals={priced.totals} currency={currency} />
        ) : (
          <p className="till-error" role="alert" data-testid="cart-price-error">
            {priced.message}
          </p>
        )}

        <button
          type="button"
          className="till-btn till-btn--primary till-btn--large"
          data-testid="pay-button"
          disabled={empty || !priced.ok}
          onClick={actions.onPay}
        >
          Pay
        </button>
      </footer>

      {discountTarget !== null && (
        <DiscountDialog
          title={discountTarget.kind === 'line' ? 'Discount on this line' : 'Discount on the sale'}
          current={currentDiscount}
          context={{
            currency,
            base: discountBase,
            roles: till.cashier.roles,
            limits: till.store.discountLimits,
          }}
          onApply={applyDiscount}
          onClose={() => setDiscountTarget(null)}
          approve={(request, pin) => api.approvals.approve(request, pin)}
        />
      )}
    </section>
  );
}
