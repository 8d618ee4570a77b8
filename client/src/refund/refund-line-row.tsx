import { formatMoney, type SaleLine } from '@pos/shared';

import { formatThousandths } from '../cart/thousandths.ts';

interface RefundLineRowProps {
  line: SaleLine;
  currency: string;
  /** Thousandths still refundable on this line. */
  left: number;
  text: string;
  onText: (text: string) => void;
}

export function RefundLineRow({ line, currency, left, text, onText }: RefundLineRowProps) {
  return (
    <li className="refund-line" data-testid="refund-line" data-line-id={line.lineId}>
      <div className="refund-line__name">
        <strong>{line.name}</strong>
        <span>
          sold {formatThousandths(line.quantity)} × {formatMoney(line.unitPrice, currency)}
          {left === line.quantity ? '' : `, ${formatThousandths(left)} left to refund`}
        </span>
      </div>
      <label className="refund-line__qty">
        Refund
        <input
          className="till-input"
          inputMode="decimal"
          autoComplete="off"
          aria-label={`Quantity of ${line.name} to refund`}
          value={text}
          data-testid="refund-qty-input"
          onChange={(event) => onText(event.target.value)}
        />
      </label>
    </li>
  );
}
