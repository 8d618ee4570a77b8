import { useState, type FormEvent } from 'react';

import { ModalSheet } from './modal-sheet.tsx';

interface ParkDialogProps {
  onPark: (note: string) => Promise<void>;
  onClose: () => void;
}

export function ParkDialog({ onPark, onClose }: ParkDialogProps) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);

    try {
      await onPark(note.trim());
      onClose();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The sale could not be parked');
      setBusy(false);
    }
  }

  return (
    <ModalSheet title="Park this sale" testId="park-dialog" onClose={onClose}>
      <form className="till-form" onSubmit={(event) => void submit(event)}>
        <label className="till-field">
          Note, so you find it again
          <input
            className="till-input"
            autoComplete="off"
            autoFocus
            maxLength={200}
            placeholder="e.g. man in blue coat, fetching wallet"
            value={note}
            data-testid="park-note"
            onChange={(event) => setNote(event.target.value)}
          />
        </label>

        {error !== null && (
          <p className="till-error" role="alert">
            {error}
          </p>
        )}

        <button
          type="submit"
          className="till-btn till-btn--primary"
          disabled={busy}
          data-testid="park-confirm"
        >
          Park sale
        </button>
      </form>
    </ModalSheet>
  );
}
