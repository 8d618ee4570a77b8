import { formatMoney, newId, type Sale } from '@pos/shared';
import { useMemo, useState } from 'react';

import type { TillApi, TillContext } from '../data/till-api.ts';
import { RefundLineRow } from './refund-line-row.tsx';
import {
  nothingLeft,
  previewRefund,
  remainingQuantities,
  type RefundPreview,
  type RefundSource,
  type RefundTender,
} from './refund-draft.ts';
import { parseQuantities, quantityTexts } from './refund-quantity-text.ts';

import '../sell/till-controls.css';
import './refund-screen.css';

interface RefundScreenProps {
  api: TillApi;
  till: TillContext;
  source: RefundSource;
  onRefunded: (refund: Sale) => void;
  onCancel: () => void;
}

const ids = { line: newId, payment: newId };

/**
 * Choose what to give back and how, then the refund is saved offline. Only someone who may
 * refund gets here (a manager unlocks the till with their PIN); they approve it themselves,
 * and the server checks that they may.
 */
export function RefundScreen({ api, till, source, onRefunded, onCancel }: RefundScreenProps) {
  const { original } = source;
  const currency = original.pricing.currency;
  const money = (minor: number) => formatMoney(minor, currency);

  const left = useMemo(() => remainingQuantities(source), [source]);
  const [texts, setTexts] = useState(() => quantityTexts(left));
  const [tender, setTender] = useState<RefundTender>('original');
  const [error, setError] = useState<string | null>(() =>
    nothingLeft(source)
      ? `Everything on ${original.receiptNumber} has already been refunded`
      : null,
  );
  const [busy, setBusy] = useState(false);

  const parsed = parseQuantities(original, texts);
  const preview = parsed.ok ? previewRefund(source, parsed.quantities, tender, ids) : null;
  const right = till.permissions.decisions.refund;

  async function save(draft: RefundPreview, approvedBy: string): Promise<void> {
    setBusy(true);
    try {
      const refund = await api.refunds.completeRefund({
        original,
        knownRefunds: source.previousRefunds,
        lines: draft.lines,
        payments: draft.payments,
        approvedBy,
      });
      onRefunded(refund);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The refund could not be saved');
      setBusy(false);
    }
  }

  function submit(): void {
    if (!parsed.ok) return setError(parsed.message);
    // A fresh preview, so the saved ids and amounts are exactly what was checked.
    const draft = previewRefund(source, parsed.quantities, tender, ids);
    if (!draft.check.ok) {
      const message =
        draft.check.code === 'empty_refund' && nothingLeft(source)
          ? `Everything on ${original.receiptNumber} has already been refunded`
          : draft.check.code === 'empty_refund'
            ? 'Enter how many of an item to refund'
            : draft.check.message;
      return setError(message);
    }

    if (!right.allowed) return setError(right.reason);
    setError(null);
    void save(draft, till.cashier.id);
  }

  const tenderButton = (value: RefundTender, label: string) => (
    <button
      type="button"
      className={`till-btn ${tender === value ? 'till-btn--selected' : ''}`}
      aria-pressed={tender === value}
      data-testid={`refund-tender-${value}`}
      onClick={() => setTender(value)}
    >
      {label}
    </button>
  );

  return (
    <section className="refund-screen" aria-label="Refund" data-testid="refund-screen">
      <div className="till-row">
        <button type="button" className="till-btn" data-testid="refund-cancel" onClick={onCancel}>
          ← Back
        </button>
        <h2>Refund of {original.receiptNumber}</h2>
      </div>

      <ul className="refund-screen__lines">
        {original.lines.map((line) => (
          <RefundLineRow
            key={line.lineId}
            line={line}
            currency={currency}
            left={left.get(line.lineId) ?? 0}
            text={texts[line.lineId] ?? ''}
            onText={(text) => setTexts((all) => ({ ...all, [line.lineId]: text }))}
          />
        ))}
      </ul>

      <div className="till-row" role="radiogroup" aria-label="Pay back">
        {tenderButton('original', 'To the original tender')}
        {tenderButton('cash', 'In cash')}
      </div>

      {preview !== null && (
        <dl className="refund-screen__figures" data-testid="refund-preview">
          <dt>Refund total</dt>
          <dd data-testid="refund-total" data-minor={preview.totals.total}>
            {money(preview.totals.total)}
          </dd>
          {preview.totals.cashRounding !== 0 && (
            <>
              <dt>Cash rounding</dt>
              <dd data-testid="refund-rounding" data-minor={preview.totals.cashRounding}>
                {money(preview.totals.cashRounding)}
              </dd>
            </>
          )}
          {preview.payments.map((payment) => (
            <div key={payment.id} style={{ display: 'contents' }}>
              <dt>Pay back {payment.method === 'cash' ? 'in cash' : 'to card'}</dt>
              <dd data-testid="refund-payback" data-minor={payment.amount}>
                {money(payment.amount)}
              </dd>
            </div>
          ))}
        </dl>
      )}

      {error !== null && (
        <p className="till-error" role="alert" data-testid="refund-error">
          {error}
        </p>
      )}

      <button
        type="button"
        className="till-btn till-btn--primary till-btn--large"
        data-testid="refund-submit"
        disabled={busy || !right.allowed}
        onClick={submit}
      >
        {busy ? 'Saving…' : `Confirm refund of ${money(preview?.totals.due ?? 0)}`}
      </button>
    </section>
  );
}
