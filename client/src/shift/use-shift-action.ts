import { useState } from 'react';

import { actionError } from './action-error.ts';

export interface ShiftAction {
  busy: boolean;
  error: string | null;
  setError: (error: string | null) => void;
  /** Runs one drawer action, keeping the form busy meanwhile and showing why it was refused. */
  run: (action: () => Promise<unknown>) => Promise<void>;
}

export function useShiftAction(): ShiftAction {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (caught) {
      setError(actionError(caught));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
