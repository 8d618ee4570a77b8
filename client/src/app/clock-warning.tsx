import { useSyncExternalStore } from 'react';

import { driftWarning, type ClockDrift } from '../sync/clock-drift.ts';

/** Shown in the top bar while this device's clock is minutes or more off the server's. */
export function ClockWarning({ clock }: { clock: ClockDrift }) {
  const driftMs = useSyncExternalStore(
    (changed) => clock.subscribe(changed),
    () => clock.driftMs(),
  );
  const warning = driftWarning(driftMs);
  if (warning === null) return null;

  return (
    <p
      className="top-bar__clock-warning"
      role="alert"
      data-testid="clock-warning"
      data-drift-ms={String(driftMs)}
    >
      {warning}
    </p>
  );
}
