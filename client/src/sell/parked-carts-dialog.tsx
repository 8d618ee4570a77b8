import { useEffect, useState } from 'react';

import type { Cart, ParkedCart, TillApi } from '../data/till-api.ts';
import { formatThousandths } from '../cart/thousandths.ts';
import { itemCount } from '../cart/cart-operations.ts';
import { clockTime } from '../app/sync-label.ts';
import { ModalSheet } from './modal-sheet.tsx';

interface ParkedCartsDialogProps {
  api: TillApi;
  /** Resuming replaces the cart, so it waits until the current sale is empty. */
  /** The store's time zone: parked times show the store's clock. */
  timeZone: string;
  canResume: boolean;
  onResume: (cart: Cart) => void;
  onClose: () => void;
}

export function ParkedCartsDialog({
  api,
  timeZone,
  canResume,
  onResume,
  onClose,
}: ParkedCartsDialogProps) {
  const [parked, setParked] = useState<ParkedCart[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.parkedCarts().then(
      (carts) => live && setParked(carts),
      () => live && setError('Parked sales could not be read'),
    );
    return () => {
      live = false;
    };
  }, [api]);

  async function resume(id: string): Promise<void> {
    const cart = await api.resumeParkedCart(id);
    if (cart === undefined) {
      setError('That sale was already resumed elsewhere');
      setParked((list) => list?.filter((p) => p.id !== id) ?? null);
      return;
    }
    onResume(cart);
    onClose();
  }

  return (
    <ModalSheet title="Parked sales" testId="parked-carts-dialog" onClose={onClose}>
      {!canResume && (
        <p className="till-error">Finish or park the current sale before resuming another.</p>
      )}
      {error !== null && (
        <p className="till-error" role="alert">
          {error}
        </p>
      )}

      {parked === null ? (
        <p>Loading…</p>
      ) : parked.length === 0 ? (
        <p data-testid="parked-carts-empty">No parked sales.</p>
      ) : (
        <ul className="parked-list">
          {parked.map((entry) => (
            <li key={entry.id} className="parked-list__row" data-testid="parked-cart">
              <span className="parked-list__note">{entry.note || 'No note'}</span>
              <span className="parked-list__meta">
                {clockTime(entry.parkedAt, timeZone)} · {formatThousandths(itemCount(entry.cart))}{' '}
                items
              </span>
              <button
                type="button"
                className="till-btn"
                disabled={!canResume}
                data-testid="resume-parked"
                onClick={() => void resume(entry.id)}
              >
                Resume
              </button>
            </li>
          ))}
        </ul>
      )}
    </ModalSheet>
  );
}
