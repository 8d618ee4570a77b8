import type { Shift, ShiftReport } from '@pos/shared';
import { useEffect, useState } from 'react';

import type { ShiftApi, TillContext } from '../data/till-api.ts';
import { ZReportView } from './z-report-view.tsx';

interface ShiftReportPanelProps {
  shifts: ShiftApi;
  shift: Shift;
  till: TillContext;
}

/** Loads a shift's Z report from the till's own documents and offers to print it. */
export function ShiftReportPanel({ shifts, shift, till }: ShiftReportPanelProps) {
  const [report, setReport] = useState<ShiftReport | null>(null);

  useEffect(() => {
    let live = true;
    void shifts.report(shift.id).then((next) => live && setReport(next));
    return () => {
      live = false;
    };
  }, [shifts, shift]);

  if (report === null) return <p>Loading the report…</p>;

  return (
    <div className="shift-report">
      <div className="till-row">
        <button
          type="button"
          className="till-btn till-btn--primary"
          data-testid="z-print"
          onClick={() => window.print()}
        >
          Print Z report
        </button>
      </div>
      <ZReportView report={report} shift={shift} till={till} />
    </div>
  );
}
