import { formatMoney, type Payment } from '@pos/shared';

interface TenderListProps {
  payments: readonly Payment[];
  currency: string;
  onRemove: (id: string) => void;
}

export function TenderList({ payments, currency, onRemove }: TenderListProps) {
  if (payments.length === 0) return null;

  return (
    <ul className="tender-list" aria-label="Tenders taken">
      {payments.map((payment) => (
        <li
          key={payment.id}
          className="tender-list__row"
          data-testid="payment-row"
          data-method={payment.method}
          data-amount={payment.amount}
        >
          <span className="tender-list__method">
            {payment.method === 'cash' ? 'Cash' : 'Card'}
            {payment.reference !== null && ` · ${payment.reference}`}
            {payment.tendered !== null &&
              payment.tendered !== payment.amount &&
              ` · handed ${formatMoney(payment.tendered, currency)}`}
          </span>
          <span className="tender-list__amount">{formatMoney(payment.amount, currency)}</span>
          <button
            type="button"
            className="till-btn till-btn--small till-btn--danger"
            aria-label="Remove tender"
            data-testid="payment-remove"
            onClick={() => onRemove(payment.id)}
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
