import { formatMoney, type SaleTotals } from '@pos/shared';

import { formatThousandths } from './thousandths.ts';

interface TotalsViewProps {
  totals: SaleTotals;
  currency: string;
}

/** Subtotal, discounts, each tax rate and the total, as the store's pricing rules work it out. */
export function TotalsView({ totals, currency }: TotalsViewProps) {
  const money = (minor: number) => formatMoney(minor, currency);

  return (
    <dl className="totals-view" data-testid="cart-totals">
      <div className="totals-view__row">
        <dt>Subtotal</dt>
        <dd data-testid="cart-subtotal" data-minor={totals.subtotal}>
          {money(totals.subtotal)}
        </dd>
      </div>

      {totals.discountTotal !== 0 && (
        <div className="totals-view__row">
          <dt>Discounts</dt>
          <dd data-testid="cart-discount-total" data-minor={totals.discountTotal}>
            −{money(totals.discountTotal)}
          </dd>
        </div>
      )}

      {totals.taxes.map((tax) => (
        <div className="totals-view__row" key={tax.taxRateId} data-testid="cart-tax">
          <dt>
            {tax.name} {formatThousandths(tax.rateMilliPercent)} %
          </dt>
          <dd data-minor={tax.amount}>{money(tax.amount)}</dd>
        </div>
      ))}

      <div className="totals-view__row totals-view__row--total">
        <dt>Total</dt>
        <dd data-testid="cart-total" data-minor={totals.total}>
          {money(totals.total)}
        </dd>
      </div>
    </dl>
  );
}
