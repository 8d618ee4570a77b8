import type { TillApi } from '../data/till-api.ts';
import { syncLabel } from './sync-label.ts';
import { useTillSyncStatus } from './use-app-state.ts';
import { useUiStore } from './ui-store.ts';

export function SyncIndicator({ api, needsSignIn }: { api: TillApi; needsSignIn: boolean }) {
  const status = useTillSyncStatus(api);
  const toggle = useUiStore((state) => state.toggleSyncDetails);
  const open = useUiStore((state) => state.syncDetailsOpen);

  const tone = needsSignIn || status.phase === 'error' ? 'warn' : status.online ? 'ok' : 'offline';

  return (
    <button
      type="button"
      data-testid="sync-indicator"
      data-online={String(status.online)}
      data-waiting={String(status.waiting)}
      aria-expanded={open}
      className={`sync-indicator sync-indicator--${tone}`}
      onClick={() => toggle()}
    >
      <span className="sync-indicator__dot" aria-hidden="true" />
      <span className="sync-indicator__text">{syncLabel(status, needsSignIn)}</span>
    </button>
  );
}
