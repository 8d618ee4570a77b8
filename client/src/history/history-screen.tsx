import { formatMoney, type Sale } from '@pos/shared';
import { useMemo, useState } from 'react';

import type { TillApi, TillContext } from '../data/till-api.ts';
import { formatReceiptTime } from '../receipt/receipt-time.ts';
import { MANAGER_UNLOCK_HINT } from '../session/permission-snapshot.ts';
import { ReceiptView } from '../receipt/receipt-view.tsx';
import { ReceiptWidthToggle } from '../receipt/receipt-width-toggle.tsx';
import type { RefundSource } from '../refund/refund-draft.ts';
import { RefundLookup } from '../refund/refund-lookup.tsx';
import { RefundScreen } from '../refund/refund-screen.tsx';
import { saleSyncState, SYNC_STATE_LABELS } from './sync-state.ts';
import { useDeviceSales } from './use-device-sales.ts';
import { useSyncStatus } from './use-sync-status.ts';

import '../sell/till-controls.css';
import './history-screen.css';

export function HistoryScreen({ api, till }: { api: TillApi; till: TillContext }) {
  const sales = useDeviceSales(api, till.device.id);
  const status = useSyncStatus(api);
  const [openId, setOpenId] = useState<string | null>(null);
  const [refunding, setRefunding] = useState<RefundSource | null>(null);
  // The refund just saved, shown before the live list has caught up with it.
  const [justSaved, setJustSaved] = useState<Sale | null>(null);

  const rejected = useMemo(
    () => new Map(status.rejected.map((entry) => [entry.id, entry])),
    [status.rejected],
  );
  const rejectedIds = useMemo(() => new Set(rejected.keys()), [rejected]);
  const open =
    sales?.find((sale) => sale.id === openId) ?? (justSaved?.id === openId ? justSaved : undefined);
  const refundsOfOpen = (sales ?? []).filter((sale) => sale.refundOfSaleId === openId);
  const refundRight = till.permissions.decisions.refund;
  const refundRefused = refundRight.allowed ? null : refundRight.reason;

  async function startRefund(original: Sale): Promise<void> {
    setRefunding({ original, previousRefunds: await api.refunds.refundsOf(original.id) });
  }

  if (refunding !== null) {
    return (
      <RefundScreen
        api={api}
        till={till}
        source={refunding}
        onCancel={() => setRefunding(null)}
        onRefunded={(refund) => {
          setJustSaved(refund);
          setOpenId(refund.id);
          setRefunding(null);
        }}
      />
    );
  }

  return (
    <div
      className={`history-screen ${open ? 'history-screen--open' : ''}`}
      data-testid="history-screen"
    >
      <section className="history-screen__list" aria-label="Sales on this till">
        <h2>Sales on this till</h2>
        <RefundLookup api={api} onFound={setRefunding} refused={refundRefused} />

        {sales === null ? (
          <p>Loading…</p>
        ) : sales.length === 0 ? (
          <p data-testid="history-empty">No sales yet.</p>
        ) : (
          <ul className="history-list">
            {sales.map((sale) => {
              const state = saleSyncState(sale, rejectedIds);
              const problem = rejected.get(sale.id)?.message ?? sale.server?.issues[0]?.message;
              return (
                <li key={sale.id}>
                  <button
                    type="button"
                    className={`history-row ${sale.id === openId ? 'history-row--open' : ''}`}
                    data-testid="history-row"
                    data-sale-id={sale.id}
                    data-receipt-number={sale.receiptNumber}
                    data-sync-state={state}
                    data-kind={sale.kind}
                    onClick={() => setOpenId(sale.id)}
                  >
                    <span className="history-row__number">
                      {sale.receiptNumber}
                      {sale.kind === 'refund' ? ' · Refund' : ''}
                    </span>
                    <span className="history-row__time">
                      {formatReceiptTime(sale.createdAt, till.store.timezone)}
                    </span>
                    <span className="history-row__total">
                      {formatMoney(sale.totals.total, sale.pricing.currency)}
                    </span>
                    <span className={`sync-badge sync-badge--${state}`} title={problem}>
                      {SYNC_STATE_LABELS[state]}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {open !== undefined && (
        <section className="history-screen__receipt" aria-label="Receipt">
          <div className="till-row">
            <button
              type="button"
              className="till-btn"
              data-testid="history-close"
              onClick={() => setOpenId(null)}
            >
              ← All sales
            </button>
            <button
              type="button"
              className="till-btn till-btn--primary"
              data-testid="history-print"
              onClick={() => window.print()}
            >
              Reprint
            </button>
            {open.kind === 'sale' && (
              <button
                type="button"
                className="till-btn"
                data-testid="refund-start"
                disabled={refundRefused !== null}
                aria-describedby={refundRefused === null ? undefined : 'refund-refused'}
                title={refundRefused ?? undefined}
                onClick={() => void startRefund(open)}
              >
                Refund…
              </button>
            )}
            <ReceiptWidthToggle />
          </div>
          {open.kind === 'sale' && refundRefused !== null && (
            <p className="till-hint" id="refund-refused" data-testid="refund-refused">
              {refundRefused}. {MANAGER_UNLOCK_HINT}
            </p>
          )}
          {refundsOfOpen.length > 0 && (
            <p data-testid="history-refunds">
              Refunded on{' '}
              {refundsOfOpen
                .map((r) => `${r.receiptNumber} (${formatMoney(r.totals.due, r.pricing.currency)})`)
                .join(', ')}
            </p>
          )}
          <ReceiptView sale={open} store={till.store} deviceName={till.device.name} />
        </section>
      )}
    </div>
  );
}
