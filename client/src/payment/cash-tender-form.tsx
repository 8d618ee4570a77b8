import { formatMoney, minorToDecimalString } from '@pos/shared';

interface CashTenderFormProps {
  currency: string;
  /** Left to pay in cash, rounded to the store's cash step. */
  cashDue: number;
  /** The store's cash step in minor units (5 = 0.05): the cash amount is rounded to it. */
  increment: number;
  /** What is left before cash rounding, to show the rounding. */
  unrounded: number;
  suggestions: readonly number[];
  tenderedText: string;
  onTenderedText: (text: string) => void;
}

export function CashTenderForm(props: CashTenderFormProps) {
  const { currency, cashDue, unrounded, increment } = props;
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <div className="tender-form" data-testid="cash-form">
      <p className="tender-form__due">
        {increment > 1
          ? `Due in cash (rounded to ${minorToDecimalString(increment, currency)})`
          : 'Due in cash'}{' '}
        <strong data-testid="cash-due" data-minor={cashDue}>
          {money(cashDue)}
        </strong>
        {cashDue !== unrounded && (
          <span className="tender-form__rounding" data-testid="cash-rounding-note">
            {' '}
            (rounded from {money(unrounded)})
          </span>
        )}
      </p>

      <label className="till-field">
        Cash handed over
        <input
          className="till-input tender-form__amount"
          inputMode="decimal"
          autoComplete="off"
          autoFocus
          placeholder={minorToDecimalString(cashDue, currency)}
          value={props.tenderedText}
          data-testid="tendered-input"
          onChange={(event) => props.onTenderedText(event.target.value)}
        />
      </label>

      <div className="till-row" aria-label="Quick amounts">
        {props.suggestions.map((amount, index) => (
          <button
            key={amount}
            type="button"
            className="till-btn"
            data-testid={index === 0 ? 'quick-tender-exact' : `quick-tender-${amount}`}
            onClick={() => props.onTenderedText(minorToDecimalString(amount, currency))}
          >
            {index === 0 ? `Exact ${money(amount)}` : money(amount)}
          </button>
        ))}
      </div>
    </div>
  );
}
