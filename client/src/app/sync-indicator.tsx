import type { TillApi } from '../data/till-api.ts';
import { syncLabel } from './sync-label.ts';
import { useTillSyncStatus } from './use-app-state.ts';
import { useUiStore } from './ui-store.ts';

export interface SyncIndicatorProps {
  api: TillApi;
  needsSignIn: boolean;
  /** The store's time zone: the time shown is the store's clock, like on receipts. */
  timeZone: string;
}

export function SyncIndicator({ api, needsSignIn, timeZone }: SyncIndicatorProps) {
  const status = useTillSyncStatus(api);
  const toggle = useUiStore((state) => state.toggleSyncDetails);
  const open = useUiStore((state) => state.syncDetailsOpen);

  // A rejected document never looks "all synced": it is an error until someone deals with it.
  const rejected = status.rejected.length;
  const tone =
    needsSignIn || status.phase === 'error' || rejected > 0
      ? 'warn'
      : status.online
        ? 'ok'
        : 'offline';

  return (
    <button
      type="button"
      data-testid="sync-indicator"
      data-online={String(status.online)}
      data-waiting={String(status.waiting)}
      data-rejected={String(rejected)}
      data-phase={rejected > 0 ? 'error' : status.phase}
      aria-expanded={open}
      className={`sync-indicator sync-indicator--${tone}`}
      onClick={() => toggle()}
    >
      <span className="sync-indicator__dot" aria-hidden="true" />
      <span className="sync-indicator__text">{syncLabel(status, needsSignIn, timeZone)}</span>
    </button>
  );
}
