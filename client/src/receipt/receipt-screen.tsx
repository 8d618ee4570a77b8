import { formatMoney, type Sale } from '@pos/shared';

import type { TillContext } from '../data/till-api.ts';
import { ReceiptView } from './receipt-view.tsx';
import { ReceiptWidthToggle } from './receipt-width-toggle.tsx';

import '../sell/till-controls.css';
import './receipt.css';

interface ReceiptScreenProps {
  sale: Sale;
  till: TillContext;
  onNewSale: () => void;
}

export function ReceiptScreen({ sale, till, onNewSale }: ReceiptScreenProps) {
  const change = sale.totals.change;

  return (
    <section className="receipt-screen" aria-label="Sale complete" data-testid="receipt-screen">
      <div className="receipt-screen__actions">
        {change > 0 && (
          <p className="receipt-screen__change">
            Give change: <strong>{formatMoney(change, sale.pricing.currency)}</strong>
          </p>
        )}
        <div className="till-row">
          <button
            type="button"
            className="till-btn"
            data-testid="print-receipt"
            onClick={() => window.print()}
          >
            Print
          </button>
          <ReceiptWidthToggle />
          <button
            type="button"
            className="till-btn till-btn--primary till-btn--large"
            data-testid="new-sale"
            autoFocus
            onClick={onNewSale}
          >
            New sale
          </button>
        </div>
      </div>

      <ReceiptView sale={sale} store={till.store} deviceName={till.device.name} />
    </section>
  );
}
