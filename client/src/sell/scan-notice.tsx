export type Notice = { kind: 'ok' | 'error'; text: string };

interface ScanNoticeProps {
  notice: Notice | null;
  onDismiss: () => void;
}

/** What the last scan or tap did; errors stay until dismissed or replaced. */
export function ScanNotice({ notice, onDismiss }: ScanNoticeProps) {
  if (notice === null) return <div className="scan-notice scan-notice--empty" aria-live="polite" />;

  const error = notice.kind === 'error';
  return (
    <div
      className={`scan-notice ${error ? 'scan-notice--error' : 'scan-notice--ok'}`}
      role={error ? 'alert' : 'status'}
      data-testid={error ? 'scan-error' : 'scan-notice'}
    >
      <span>{notice.text}</span>
      {error && (
        <button
          type="button"
          className="scan-notice__dismiss"
          aria-label="Dismiss"
          onClick={onDismiss}
        >
          ×
        </button>
      )}
    </div>
  );
}
