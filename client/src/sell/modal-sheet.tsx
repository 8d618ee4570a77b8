import { useEffect, type ReactNode } from 'react';

import './modal-sheet.css';

interface ModalSheetProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog over the sell screen; Escape or a tap outside closes it. */
export function ModalSheet({ title, testId, onClose, children }: ModalSheetProps) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key === 'Escape') onClose();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal-sheet"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onClick={(event) => event.stopPropagation()}
      >
        <header className="modal-sheet__header">
          <h2>{title}</h2>
          <button type="button" className="modal-sheet__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="modal-sheet__body">{children}</div>
      </div>
    </div>
  );
}
