import { formatMoney, type Product } from '@pos/shared';
import { useState, type FormEvent } from 'react';

import { parseWeight } from '../cart/weight.ts';
import { ModalSheet } from './modal-sheet.tsx';

import './till-controls.css';

interface WeightDialogProps {
  product: Product;
  currency: string;
  /** The weight in thousandths of a kg (grams). */
  onApply: (quantity: number) => void;
  onClose: () => void;
}

/** Asks for the weight of a product sold by the kg, when no scale label brought it. */
export function WeightDialog({ product, currency, onApply, onClose }: WeightDialogProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();

    const result = parseWeight(text);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    onApply(result.quantity);
    onClose();
  }

  return (
    <ModalSheet title={`Weigh ${product.name}`} testId="weight-dialog" onClose={onClose}>
      <form className="till-form" onSubmit={submit}>
        <label className="till-field">
          Weight in kg ({formatMoney(product.price, currency)}/kg)
          <input
            className="till-input"
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            placeholder="e.g. 1.250"
            value={text}
            data-testid="weight-input"
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
          />
        </label>

        {error !== null && (
          <p className="till-error" role="alert" data-testid="weight-error">
            {error}
          </p>
        )}

        <button type="submit" className="till-btn till-btn--primary" data-testid="weight-apply">
          Add
        </button>
      </form>
    </ModalSheet>
  );
}
