import { formatMoney, type Shift } from '@pos/shared';
import { useEffect, useState } from 'react';

import type { ShiftApi } from '../data/till-api.ts';
import { formatReceiptTime } from '../receipt/receipt-time.ts';

interface PastShiftsProps {
  shifts: ShiftApi;
  currency: string;
  /** The store's time zone: shifts show the store's clock. */
  timeZone: string;
  /** Changes whenever a shift opens or closes, so the list reloads. */
  version: string;
  onShow: (shift: Shift) => void;
}

const SHOWN = 20;

export function PastShifts({ shifts, currency, timeZone, version, onShow }: PastShiftsProps) {
  const [list, setList] = useState<Shift[]>([]);

  useEffect(() => {
    let live = true;
    void shifts.recentShifts(SHOWN).then((found) => {
      if (live) setList(found.filter((shift) => shift.status === 'closed'));
    });
    return () => {
      live = false;
    };
  }, [shifts, version]);

  if (list.length === 0) return null;

  return (
    <section className="shift-card">
      <h2>Past shifts</h2>
      <ul className="shift-past">
        {list.map((shift) => (
          <li key={shift.id} className="shift-past__row" data-testid="past-shift">
            <span>{formatReceiptTime(shift.openedAt, timeZone)}</span>
            <span>{formatMoney(shift.countedCash ?? 0, currency)} counted</span>
            <button
              type="button"
              className="till-btn till-btn--small"
              data-testid="past-shift-report"
              onClick={() => onShow(shift)}
            >
              Z report
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
