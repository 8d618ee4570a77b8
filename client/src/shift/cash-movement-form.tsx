import { formatMoney, parseMoney, type CashMovement } from '@pos/shared';
import { useState, type FormEvent } from 'react';

import type { ShiftApi } from '../data/till-api.ts';
import { showToast } from '../ui/toast-store.ts';
import { useShiftAction } from './use-shift-action.ts';

interface CashMovementFormProps {
  shifts: ShiftApi;
  currency: string;
}

type MovementType = CashMovement['type'];

export function CashMovementForm({ shifts, currency }: CashMovementFormProps) {
  const [type, setType] = useState<MovementType>('out');
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useShiftAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = parseMoney(amountText, currency);
    if (amount === null || amount <= 0) {
      setError('Enter an amount above zero');
      return;
    }
    if (reason.trim() === '') {
      setError('Say why the cash moves');
      return;
    }

    await run(async () => {
      await shifts.addCashMovement(type, amount, reason);
      showToast(`Cash ${type === 'in' ? 'in' : 'out'}: ${formatMoney(amount, currency)}`, 'info');
      setAmountText('');
      setReason('');
    });
  }

  return (
    <form className="till-form shift-card" onSubmit={(event) => void submit(event)}>
      <h2>Cash in / cash out</h2>
      <div className="till-row" role="radiogroup" aria-label="Direction">
        {(['in', 'out'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={type === option}
            className={`till-btn ${type === option ? 'till-btn--selected' : ''}`}
            data-testid={`cash-movement-type-${option}`}
            onClick={() => setType(option)}
          >
            {option === 'in' ? 'Cash in' : 'Cash out'}
          </button>
        ))}
      </div>
      <label className="till-field">
        Amount
        <input
          className="till-input"
          inputMode="decimal"
          data-testid="cash-movement-amount"
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
        />
      </label>
      <label className="till-field">
        Reason
        <input
          className="till-input"
          maxLength={200}
          data-testid="cash-movement-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      {error !== null && <p className="till-error">{error}</p>}
      <button
        type="submit"
        className="till-btn till-btn--primary"
        data-testid="cash-movement-submit"
        disabled={busy}
      >
        Record
      </button>
    </form>
  );
}
