import { minorToDecimalString } from '@pos/shared';

interface CardTenderFormProps {
  currency: string;
  cardDue: number;
  amountText: string;
  reference: string;
  onAmountText: (text: string) => void;
  onReference: (text: string) => void;
}

export function CardTenderForm(props: CardTenderFormProps) {
  const { currency, cardDue } = props;

  return (
    <div className="tender-form" data-testid="card-form">
      <label className="till-field">
        Amount on the card (empty: all that is left)
        <input
          className="till-input tender-form__amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder={minorToDecimalString(cardDue, currency)}
          value={props.amountText}
          data-testid="card-amount-input"
          onChange={(event) => props.onAmountText(event.target.value)}
        />
      </label>

      <label className="till-field">
        Terminal reference
        <input
          className="till-input"
          autoComplete="off"
          maxLength={120}
          value={props.reference}
          data-testid="card-reference-input"
          onChange={(event) => props.onReference(event.target.value)}
        />
      </label>
    </div>
  );
}
