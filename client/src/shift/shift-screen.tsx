import { formatMoney, type Shift } from '@pos/shared';
import { useEffect, useState } from 'react';

import type { TillApi, TillContext } from '../data/till-api.ts';
import { formatReceiptTime } from '../receipt/receipt-time.ts';
import { CashMovementForm } from './cash-movement-form.tsx';
import { CloseShiftForm } from './close-shift-form.tsx';
import { OpenShiftForm } from './open-shift-form.tsx';
import { PastShifts } from './past-shifts.tsx';
import { ShiftDifference } from './shift-difference.tsx';
import { ShiftReportPanel } from './shift-report-panel.tsx';
import { useOpenShift } from './use-open-shift.ts';

import '../sell/till-controls.css';
import './shift-screen.css';

interface ShiftScreenProps {
  api: TillApi;
  till: TillContext;
}

type View = { name: 'live' } | { name: 'closing' } | { name: 'report'; shift: Shift };

export function ShiftScreen({ api, till }: ShiftScreenProps) {
  const shifts = api.shifts;
  const currency = till.store.pricing.currency;
  const open = useOpenShift(shifts);
  const [view, setView] = useState<View>({ name: 'live' });
  const [hadShift, setHadShift] = useState(false);

  useEffect(() => {
    void shifts.recentShifts(1).then((found) => setHadShift(found.length > 0));
  }, [shifts, open]);

  const state = open ? 'open' : hadShift ? 'closed' : 'none';

  return (
    <section className="shift-screen" aria-label="Shift" data-testid="shift-screen">
      <p className="shift-status" data-testid="shift-status" data-state={state}>
        {open
          ? `Shift open since ${formatReceiptTime(open.openedAt, till.store.timezone)}, float ${formatMoney(open.openingFloat, currency)}`
          : 'No shift is open on this till'}
      </p>

      {view.name === 'report' && (
        <div className="shift-screen__report">
          <ShiftDifference shift={view.shift} currency={currency} />
          <ShiftReportPanel shifts={shifts} shift={view.shift} till={till} />
          <button type="button" className="till-btn" onClick={() => setView({ name: 'live' })}>
            Done
          </button>
        </div>
      )}

      {view.name === 'closing' && open && (
        <CloseShiftForm
          shifts={shifts}
          shift={open}
          currency={currency}
          onClosed={(shift) => setView({ name: 'report', shift })}
          onCancel={() => setView({ name: 'live' })}
        />
      )}

      {view.name !== 'closing' && open === null && (
        <OpenShiftForm shifts={shifts} currency={currency} />
      )}

      {view.name === 'live' && open && (
        <>
          <CashMovementForm shifts={shifts} currency={currency} />
          <div className="shift-card till-row">
            <button
              type="button"
              className="till-btn till-btn--primary"
              onClick={() => setView({ name: 'report', shift: open })}
            >
              Running X report
            </button>
            <button
              type="button"
              className="till-btn till-btn--danger"
              data-testid="shift-close-start"
              onClick={() => setView({ name: 'closing' })}
            >
              Close shift…
            </button>
          </div>
        </>
      )}

      {view.name === 'live' && (
        <PastShifts
          shifts={shifts}
          currency={currency}
          timeZone={till.store.timezone}
          version={open?.id ?? 'none'}
          onShow={(shift) => setView({ name: 'report', shift })}
        />
      )}
    </section>
  );
}
