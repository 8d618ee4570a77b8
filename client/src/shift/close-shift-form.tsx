import {
  denominationsFor,
  denominationTotal,
  formatMoney,
  parseMoney,
  type Shift,
} from '@pos/shared';
import { useEffect, useState, type FormEvent } from 'react';

import type { ShiftApi } from '../data/till-api.ts';
import { useShiftAction } from './use-shift-action.ts';

interface CloseShiftFormProps {
  shifts: ShiftApi;
  shift: Shift;
  currency: string;
  onClosed: (shift: Shift) => void;
  onCancel: () => void;
}

/** Whole, non-negative counts only; anything else counts as not entered. */
function countOf(text: string): number {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 0;
}

export function CloseShiftForm({
  shifts,
  shift,
  currency,
  onClosed,
  onCancel,
}: CloseShiftFormProps) {
  const denominations = denominationsFor(currency);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [lumpSum, setLumpSum] = useState('');
  const [blind, setBlind] = useState(true);
  const [expected, setExpected] = useState<number | null>(null);
  const { busy, error, run } = useShiftAction();

  useEffect(() => {
    let live = true;
    void shifts.report(shift.id).then((report) => live && setExpected(report.expectedCash));
    return () => {
      live = false;
    };
  }, [shifts, shift.id]);

  // A currency without known notes is counted as one total, stored as that many 1-unit coins.
  const counted: Record<string, number> =
    denominations === null
      ? { '1': Math.max(parseMoney(lumpSum, currency) ?? 0, 0) }
      : Object.fromEntries(
          denominations.map((d) => [String(d), countOf(counts[String(d)] ?? '')] as const),
        );
  const total = denominationTotal(counted);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      onClosed(await shifts.closeShift({ countedByDenomination: counted, blindClose: blind }));
    });
  }

  return (
    <form className="till-form shift-card" onSubmit={(event) => void submit(event)}>
      <h2>Close the shift: count the drawer</h2>
      <label className="shift-check">
        <input
          type="checkbox"
          data-testid="shift-blind-close"
          checked={blind}
          onChange={(event) => setBlind(event.target.checked)}
        />
        Blind close (count first; the expected cash shows after closing)
      </label>

      {denominations === null ? (
        <label className="till-field">
          Cash counted
          <input
            className="till-input"
            inputMode="decimal"
            data-testid="shift-count-total"
            value={lumpSum}
            onChange={(event) => setLumpSum(event.target.value)}
          />
        </label>
      ) : (
        <div className="shift-count">
          {denominations.map((d) => (
            <label key={d} className="shift-count__row">
              <span>{formatMoney(d, currency)}</span>
              <span>×</span>
              <input
                className="till-input shift-count__input"
                inputMode="numeric"
                data-testid={`denomination-${d}`}
                value={counts[String(d)] ?? ''}
                onChange={(event) => setCounts({ ...counts, [String(d)]: event.target.value })}
              />
              <span className="shift-count__sum" data-minor={d * (counted[String(d)] ?? 0)}>
                {formatMoney(d * (counted[String(d)] ?? 0), currency)}
              </span>
            </label>
          ))}
        </div>
      )}

      <p className="shift-total">
        Counted:{' '}
        <strong data-testid="shift-count-live-total" data-minor={total}>
          {formatMoney(total, currency)}
        </strong>
      </p>
      {!blind && expected !== null && (
        <p className="shift-total">
          Expected:{' '}
          <strong data-testid="shift-expected-preview" data-minor={expected}>
            {formatMoney(expected, currency)}
          </strong>
        </p>
      )}
      {error !== null && <p className="till-error">{error}</p>}

      <div className="till-row">
        <button type="button" className="till-btn" onClick={onCancel} disabled={busy}>
          Back
        </button>
        <button
          type="submit"
          className="till-btn till-btn--danger till-btn--large"
          data-testid="shift-close-submit"
          disabled={busy}
        >
          Close shift
        </button>
      </div>
    </form>
  );
}
