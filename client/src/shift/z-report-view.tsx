import { formatMoney, type Shift, type ShiftReport } from '@pos/shared';

import type { TillContext } from '../data/till-api.ts';
import { formatReceiptTime } from '../receipt/receipt-time.ts';

import '../receipt/receipt.css';

interface ZReportViewProps {
  report: ShiftReport;
  shift: Shift;
  till: TillContext;
}

interface MoneyRowProps {
  label: string;
  minor: number;
  currency: string;
  testId?: string;
}

function MoneyRow({ label, minor, currency, testId }: MoneyRowProps) {
  return (
    <div className="receipt__row">
      <span>{label}</span>
      <span data-testid={testId} data-minor={minor}>
        {formatMoney(minor, currency)}
      </span>
    </div>
  );
}

/** On the store's clock, like the receipts, whatever the device's time zone. */
function when(iso: string | null, timeZone: string): string {
  return iso === null ? '—' : formatReceiptTime(iso, timeZone);
}

/** The end-of-shift Z report, laid out for the 80 mm receipt printer like a receipt. */
export function ZReportView({ report, shift, till }: ZReportViewProps) {
  const currency = till.store.pricing.currency;
  const who = (id: string | null) =>
    id === null ? '—' : id === till.cashier.id ? till.cashier.displayName : id;
  const money = (label: string, minor: number, testId?: string) => (
    <MoneyRow label={label} minor={minor} currency={currency} {...(testId ? { testId } : {})} />
  );

  return (
    <article className="receipt receipt--printable z-report" data-testid="z-report">
      <header className="receipt__header">
        <h2 className="receipt__store">{till.store.name}</h2>
        <p className="receipt__text">Z report · end of shift</p>
      </header>

      <dl className="receipt__meta">
        <div>
          <dt>Device</dt>
          <dd>
            {till.device.name} · {till.device.code}
          </dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>
            {who(shift.openedBy)} · {when(report.openedAt, till.store.timezone)}
          </dd>
        </div>
        <div>
          <dt>Closed</dt>
          <dd>
            {who(shift.closedBy)} · {when(report.closedAt, till.store.timezone)}
          </dd>
        </div>
      </dl>

      <div className="receipt__row">
        <span>Sales</span>
        <span data-testid="z-sales-count">{report.salesCount}</span>
      </div>
      <div className="receipt__row">
        <span>Refunds</span>
        <span data-testid="z-refunds-count">{report.refundsCount}</span>
      </div>
      {money('Gross sales', report.grossSales, 'z-gross-sales')}
      {money('Refunds', report.refundsTotal, 'z-refunds-total')}
      {money('Net sales', report.netSales, 'z-net-sales')}
      {money('Discounts', report.discountsTotal, 'z-discounts-total')}
      {money('Cash rounding', report.cashRoundingTotal, 'z-cash-rounding')}

      <h3 className="z-report__heading">Taxes</h3>
      {report.taxes.length === 0 && <p className="receipt__text">No tax</p>}
      {report.taxes.map((tax) => (
        <div key={`${tax.taxRateId}-${tax.rateMilliPercent}`}>
          {money(`${tax.name} (${tax.rateMilliPercent / 1000}%) on`, tax.base)}
          {money(`${tax.name} tax`, tax.amount)}
        </div>
      ))}

      <h3 className="z-report__heading">Tenders (net)</h3>
      {money('Cash', report.tenders.cash.net, 'z-tender-cash-net')}
      {money('Card', report.tenders.card.net, 'z-tender-card-net')}

      <h3 className="z-report__heading">Drawer</h3>
      {money('Opening float', report.openingFloat, 'z-opening-float')}
      {money('Cash in', report.cashIn, 'z-cash-in')}
      {money('Cash out', report.cashOut, 'z-cash-out')}
      {money('Expected cash', report.expectedCash, 'z-expected-cash')}
      {report.countedCash !== null && money('Counted cash', report.countedCash, 'z-counted-cash')}
      {report.difference !== null &&
        money(
          report.difference < 0 ? 'Short' : report.difference > 0 ? 'Over' : 'Difference',
          report.difference,
          'z-difference',
        )}
    </article>
  );
}
