import { discountAmount, formatMoney, lineGross, type Sale, type Store } from '@pos/shared';

import { describeDiscount } from '../cart/discount-policy.ts';
import { formatThousandths } from '../cart/thousandths.ts';
import { formatReceiptTime } from './receipt-time.ts';
import { useReceiptWidth } from './receipt-width.ts';

import './receipt.css';

interface ReceiptViewProps {
  sale: Sale;
  store: Store;
  deviceName: string;
}

interface RowProps {
  label: string;
  minor: number;
  testId: string;
  currency: string;
  /** Shows the amount as taken off ("−2.00") while `data-minor` keeps it positive. */
  deducted?: boolean;
}

function Row({ label, minor, testId, currency, deducted = false }: RowProps) {
  return (
    <div className="receipt__row">
      <span>{label}</span>
      <span data-testid={testId} data-minor={minor}>
        {deducted ? '−' : ''}
        {formatMoney(minor, currency)}
      </span>
    </div>
  );
}

/** The receipt as printed: what the customer takes home, laid out for an 80 mm roll too. */
export function ReceiptView({ sale, store, deviceName }: ReceiptViewProps) {
  const { currency } = sale.pricing;
  const { totals } = sale;
  const money = (minor: number) => formatMoney(minor, currency);
  const width = useReceiptWidth();
  const refund = sale.kind === 'refund';

  return (
    <article
      className={`receipt receipt--printable receipt--w${width}`}
      data-testid="receipt"
      data-kind={sale.kind}
      data-width={width}
      data-sale-id={sale.id}
      aria-label={`Receipt ${sale.receiptNumber}`}
    >
      {width === 58 && <style>{'@media print { @page { size: 58mm auto; } }'}</style>}
      <header className="receipt__header">
        <h2 className="receipt__store" data-testid="receipt-store-name">
          {store.name}
        </h2>
        {store.address !== '' && <p className="receipt__text">{store.address}</p>}
        {store.receiptHeader !== '' && <p className="receipt__text">{store.receiptHeader}</p>}
        {refund && (
          <p className="receipt__refund" data-testid="receipt-refund-banner">
            REFUND
          </p>
        )}
      </header>

      <dl className="receipt__meta">
        <div>
          <dt>Receipt</dt>
          <dd data-testid="receipt-number">{sale.receiptNumber}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd data-testid="receipt-time">{formatReceiptTime(sale.createdAt, store.timezone)}</dd>
        </div>
        <div>
          <dt>Till</dt>
          <dd>{deviceName}</dd>
        </div>
        <div>
          <dt>Cashier</dt>
          <dd>{sale.cashierName}</dd>
        </div>
      </dl>

      <ul className="receipt__lines">
        {sale.lines.map((line) => {
          const gross = lineGross(line);
          const discount = Number(discountAmount(line.discount, BigInt(gross)));
          return (
            <li
              key={line.lineId}
              className="receipt__line"
              data-testid="receipt-line"
              data-sku={line.sku}
            >
              <div className="receipt__row">
                <span>{line.name}</span>
                <span>{money(gross)}</span>
              </div>
              {line.quantity !== 1000 && (
                <div className="receipt__sub">
                  {formatThousandths(line.quantity)} × {money(line.unitPrice)}
                </div>
              )}
              {line.discount !== null && (
                <div className="receipt__row receipt__sub">
                  <span>
                    Discount {describeDiscount(line.discount, currency)} {line.discount.reason}
                  </span>
                  <span>−{money(discount)}</span>
                </div>
              )}
            </li>
          );
        })}
      </ul>

      <div className="receipt__totals">
        <Row
          label="Subtotal"
          minor={totals.subtotal}
          testId="receipt-subtotal"
          currency={currency}
        />
        {totals.discountTotal !== 0 && (
          <Row
            label={
              sale.cartDiscount === null
                ? 'Discounts'
                : `Discounts (sale ${describeDiscount(sale.cartDiscount, currency)} ${sale.cartDiscount.reason})`
            }
            minor={totals.discountTotal}
            deducted
            testId="receipt-discount-total"
            currency={currency}
          />
        )}
        {totals.taxes.map((tax) => (
          <div
            className="receipt__row"
            key={tax.taxRateId}
            data-testid="receipt-tax"
            data-tax-rate-id={tax.taxRateId}
            data-minor={tax.amount}
          >
            <span>
              {tax.name} {formatThousandths(tax.rateMilliPercent)} % on {money(tax.base)}
            </span>
            <span>{money(tax.amount)}</span>
          </div>
        ))}
        <Row label="Tax" minor={totals.taxTotal} testId="receipt-tax-total" currency={currency} />
        <div className="receipt__grand">
          <Row label="Total" minor={totals.total} testId="receipt-total" currency={currency} />
        </div>
        {totals.cashRounding !== 0 && (
          <>
            <Row
              label="Cash rounding"
              minor={totals.cashRounding}
              testId="receipt-cash-rounding"
              currency={currency}
            />
            <Row label="Due" minor={totals.due} testId="receipt-due" currency={currency} />
          </>
        )}
      </div>

      <ul className="receipt__tenders">
        {sale.payments.map((payment) => (
          <li key={payment.id} className="receipt__row" data-testid="receipt-tender">
            <span>
              {refund ? 'Paid back: ' : ''}
              {payment.method === 'cash' ? 'Cash' : 'Card'}
              {payment.reference !== null && ` ${payment.reference}`}
              {payment.tendered !== null && payment.tendered !== payment.amount
                ? ` (handed ${money(payment.tendered)})`
                : ''}
            </span>
            <span>{money(payment.amount)}</span>
          </li>
        ))}
      </ul>

      <div className="receipt__totals">
        <Row
          label={refund ? 'Paid back' : 'Paid'}
          minor={totals.paid}
          testId="receipt-paid"
          currency={currency}
        />
        {!refund && (
          <Row label="Change" minor={totals.change} testId="receipt-change" currency={currency} />
        )}
      </div>

      {sale.receiptEmail != null && (
        <p className="receipt__text" data-testid="receipt-email">
          Receipt emailed to {sale.receiptEmail}
        </p>
      )}

      {store.receiptFooter !== '' && (
        <footer className="receipt__text receipt__footer">{store.receiptFooter}</footer>
      )}
    </article>
  );
}
