import { formatMoney, parseMoney } from '@pos/shared';
import { useState, type FormEvent } from 'react';

import type { ShiftApi } from '../data/till-api.ts';
import { useShiftAction } from './use-shift-action.ts';

interface OpenShiftFormProps {
  shifts: ShiftApi;
  currency: string;
}

export function OpenShiftForm({ shifts, currency }: OpenShiftFormProps) {
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useShiftAction();
  const float = parseMoney(text, currency);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (float === null || float < 0) {
      setError('Enter the float in the drawer, e.g. 150.00');
      return;
    }

    await run(() => shifts.openShift(float));
  }

  return (
    <form className="till-form shift-card" onSubmit={(event) => void submit(event)}>
      <h2>Open a shift</h2>
      <label className="till-field">
        Opening float (cash in the drawer)
        <input
          className="till-input"
          inputMode="decimal"
          data-testid="shift-open-float"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoFocus
        />
      </label>
      {float !== null && float >= 0 && <p>Float: {formatMoney(float, currency)}</p>}
      {error !== null && <p className="till-error">{error}</p>}
      <button
        type="submit"
        className="till-btn till-btn--primary till-btn--large"
        data-testid="shift-open-submit"
        disabled={busy}
      >
        Open shift
      </button>
    </form>
  );
}
