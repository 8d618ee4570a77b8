import {
  currencyExponent,
  formatMoney,
  newId,
  normalizeEmail,
  parseMoney,
  type Payment,
  type Sale,
} from '@pos/shared';
import { useMemo, useState } from 'react';

import { priceSafely } from '../cart/price-safely.ts';
import { useBarcodeScanner } from '../scanner/use-barcode-scanner.ts';
import type { Cart, TillApi, TillContext } from '../data/till-api.ts';
import { CardTenderForm } from './card-tender-form.tsx';
import { CashTenderForm } from './cash-tender-form.tsx';
import {
  cardTender,
  cashTender,
  closingTenders,
  isSettled,
  readCashTendered,
  remainingDue,
  suggestTenders,
  type TenderResult,
} from './payment-plan.ts';
import { TenderList } from './tender-list.tsx';

import '../sell/till-controls.css';
import './payment-screen.css';

interface PaymentScreenProps {
  api: TillApi;
  till: TillContext;
  cart: Cart;
  onBack: () => void;
  onCompleted: (sale: Sale) => void;
}

type Method = Payment['method'];

export const SCAN_WHILE_PAYING = 'Finish or go back to the cart to scan';

export function PaymentScreen({ api, till, cart, onBack, onCompleted }: PaymentScreenProps) {
  const pricing = till.store.pricing;
  const { currency } = pricing;
  const money = (minor: number) => formatMoney(minor, currency);

  const [payments, setPayments] = useState<Payment[]>([]);
  const [method, setMethod] = useState<Method>('cash');
  const [tenderedText, setTenderedText] = useState('');
  const [cardAmountText, setCardAmountText] = useState('');
  const [cardReference, setCardReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [emailText, setEmailText] = useState('');

  // A scan here must not type into "Cash handed over": the scanner takes it back out.
  useBarcodeScanner(() => setError(SCAN_WHILE_PAYING), !busy);

  const priced = useMemo(() => priceSafely(api, cart, payments), [api, cart, payments]);
  const total = priced.ok ? priced.totals.total : 0;
  const remaining = remainingDue(total, payments, pricing);
  const settled = priced.ok && isSettled(priced.totals);
  // Once cash rounding settled the sale, the cents it rounded away are not owed.
  const leftToPay = settled ? 0 : remaining.card;

  function pendingTender(id: string): TenderResult {
    if (method === 'cash') {
      const reading = readCashTendered(tenderedText, currency, remaining.cash);
      if (!reading.ok) return reading;
      return cashTender(id, reading.tendered, remaining.cash, pricing.cashRounding.increment);
    }

    const amount =
      cardAmountText.trim() === '' ? remaining.card : parseMoney(cardAmountText, currency);
    return cardTender(id, amount, remaining.card, cardReference);
  }

  const pending = settled ? null : pendingTender('pending');
  const withPending = pending?.ok === true ? [...payments, pending.payment] : payments;
  const preview = priceSafely(api, cart, withPending);
  const changeDue = preview.ok ? preview.totals.change : 0;

  function addPayment(): Payment[] | null {
    const tender = pendingTender(newId());
    if (!tender.ok) {
      setError(tender.message);
      return null;
    }

    const next = [...payments, tender.payment];
    setPayments(next);
    setTenderedText('');
    setCardAmountText('');
    setCardReference('');
    setError(null);
    return next;
  }

  async function complete(): Promise<void> {
    const receiptEmail = normalizeEmail(emailText);
    if (emailText.trim() !== '' && receiptEmail === null) {
      setError(`${emailText.trim()} is not an email address`);
      return;
    }

    const taken = settled ? payments : addPayment();
    if (taken === null) return;

    const final = closingTenders(taken, remainingDue(total, taken, pricing), newId);
    const check = priceSafely(api, cart, final);
    if (!check.ok || !isSettled(check.totals)) {
      setError('The sale is not fully paid yet');
      return;
    }

    setBusy(true);
    try {
      // The email goes with the sale: queued here until the sale reaches the server.
      onCompleted(await api.completeSale({ cart, payments: final, receiptEmail }));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The sale could not be saved');
      setBusy(false);
    }
  }

  const methodButton = (value: Method, label: string) => (
    <button
      type="button"
      className={`till-btn till-btn--large ${method === value ? 'till-btn--selected' : ''}`}
      aria-pressed={method === value}
      data-testid={`pay-${value}`}
      disabled={settled}
      onClick={() => {
        setMethod(value);
        setError(null);
      }}
    >
      {label}
    </button>
  );

  return (
    <section className="payment-screen" aria-label="Payment" data-testid="payment-screen">
      <header className="payment-screen__header">
        <button
          type="button"
          className="till-btn"
          data-testid="payment-back"
          disabled={payments.length > 0 || busy}
          title={payments.length > 0 ? 'Remove the tenders taken to change the sale' : undefined}
          onClick={onBack}
        >
          ← Back to sale
        </button>
        <div className="payment-screen__total">
          Total{' '}
          <strong data-testid="payment-total" data-minor={total}>
            {money(total)}
          </strong>
        </div>
      </header>

      {!priced.ok && (
        <p className="till-error" role="alert">
          {priced.message}
        </p>
      )}

      <div className="payment-screen__body">
        {/* Enter in an amount field takes the tender, like the button. */}
        <form
          className="payment-screen__tender"
          onSubmit={(event) => {
            event.preventDefault();
            if (!settled) addPayment();
          }}
        >
          <div className="till-row">
            {methodButton('cash', 'Cash')}
            {methodButton('card', 'Card')}
          </div>

          {settled ? (
            <p className="payment-screen__settled" data-testid="payment-settled">
              Fully paid.
            </p>
          ) : method === 'cash' ? (
            <CashTenderForm
              currency={currency}
              cashDue={remaining.cash}
              increment={pricing.cashRounding.increment}
              unrounded={remaining.card}
              suggestions={suggestTenders(remaining.cash, currencyExponent(currency))}
              tenderedText={tenderedText}
              onTenderedText={setTenderedText}
            />
          ) : (
            <CardTenderForm
              currency={currency}
              cardDue={remaining.card}
              amountText={cardAmountText}
              reference={cardReference}
              onAmountText={setCardAmountText}
              onReference={setCardReference}
            />
          )}

          {!settled && (
            <button type="submit" className="till-btn" data-testid="add-payment">
              Add {method === 'cash' ? 'cash' : 'card'} payment
            </button>
          )}
        </form>

        <div className="payment-screen__summary">
          <TenderList
            payments={payments}
            currency={currency}
            onRemove={(id) => setPayments((list) => list.filter((p) => p.id !== id))}
          />

          <dl className="payment-screen__figures">
            <div>
              <dt>Left to pay</dt>
              <dd data-testid="remaining-due" data-minor={leftToPay}>
                {money(leftToPay)}
              </dd>
            </div>
            <div className="payment-screen__change">
              <dt>Change</dt>
              <dd data-testid="change-due" data-minor={changeDue}>
                {money(changeDue)}
              </dd>
            </div>
          </dl>

          {error !== null && (
            <p className="till-error" role="alert" data-testid="payment-error">
              {error}
            </p>
          )}

          <label className="till-field">
            Email the receipt (optional)
            <input
              className="till-input"
              type="email"
              autoComplete="off"
              placeholder="customer@example.com"
              value={emailText}
              data-testid="receipt-email-input"
              onChange={(event) => setEmailText(event.target.value)}
            />
          </label>

          <button
            type="button"
            className="till-btn till-btn--primary till-btn--large"
            data-testid="complete-sale"
            disabled={busy || !priced.ok}
            onClick={() => void complete()}
          >
            {busy ? 'Saving…' : 'Complete sale'}
          </button>
        </div>
      </div>
    </section>
  );
}
