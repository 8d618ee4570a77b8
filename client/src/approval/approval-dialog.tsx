import { useState, type FormEvent } from 'react';

import type { ApproverMatch } from './find-approver.ts';
import { ModalSheet } from '../sell/modal-sheet.tsx';

import '../sell/till-controls.css';

interface ApprovalDialogProps {
  title: string;
  /** Why a manager is needed, as the cashier reads it. */
  reason: string;
  approve: (pin: string) => Promise<ApproverMatch>;
  onApproved: (approver: { id: string; displayName: string }) => void;
  onClose: () => void;
}

/** A manager types their PIN on the cashier's till; checked offline against the staff list. */
export function ApprovalDialog({
  title,
  reason,
  approve,
  onApproved,
  onClose,
}: ApprovalDialogProps) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);

    const match = await approve(pin);
    setBusy(false);
    if (!match.ok) {
      setError(match.message);
      setPin('');
      return;
    }
    onApproved(match.approver);
  }

  return (
    <ModalSheet title={title} testId="approval-dialog" onClose={onClose}>
      <form className="till-form" onSubmit={(event) => void submit(event)}>
        <p>{reason}</p>
        <label className="till-field">
          Manager PIN
          <input
            className="till-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            value={pin}
            data-testid="approval-pin-input"
            onChange={(event) => setPin(event.target.value)}
          />
        </label>

        {error !== null && (
          <p className="till-error" role="alert" data-testid="approval-error">
            {error}
          </p>
        )}

        <button
          type="submit"
          className="till-btn till-btn--primary"
          data-testid="approval-submit"
          disabled={busy}
        >
          {busy ? 'Checking…' : 'Approve'}
        </button>
      </form>
    </ModalSheet>
  );
}
