import { useState, type FormEvent } from 'react';

import type { TillApi } from '../data/till-api.ts';
import type { RefundSource } from './refund-draft.ts';

import '../sell/till-controls.css';

interface RefundLookupProps {
  api: TillApi;
  onFound: (source: RefundSource) => void;
  /** Why the person at the till may not refund, or null when they may. */
  refused: string | null;
}

/** Finds a sale to refund by the number on its receipt: this till's, or any till's online. */
export function RefundLookup({ api, onFound, refused }: RefundLookupProps) {
  const [receiptNumber, setReceiptNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onFound(await api.refunds.findByReceiptNumber(receiptNumber));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The sale could not be found');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="till-form"
      aria-label="Refund by receipt number"
      onSubmit={(e) => void submit(e)}
    >
      <div className="till-row">
        <input
          className="till-input"
          placeholder="Receipt number, e.g. MS-T1-000042"
          aria-label="Receipt number to refund"
          autoComplete="off"
          value={receiptNumber}
          data-testid="refund-lookup-input"
          onChange={(event) => setReceiptNumber(event.target.value)}
        />
        <button
          type="submit"
          className="till-btn"
          data-testid="refund-lookup-submit"
          disabled={busy || refused !== null || receiptNumber.trim() === ''}
          title={refused ?? undefined}
        >
          {busy ? 'Finding…' : 'Find sale to refund'}
        </button>
      </div>
      {error !== null && (
        <p className="till-error" role="alert" data-testid="refund-lookup-error">
          {error}
        </p>
      )}
    </form>
  );
}
