import { useState } from 'react';

import type { TillApi } from '../data/till-api.ts';
import { errorMessage } from '../session/api-error.ts';
import { Button } from '../ui/button.tsx';
import { calendarDate, clockTime } from './sync-label.ts';
import { useTillSyncStatus } from './use-app-state.ts';
import { useUiStore, type StoragePersistence } from './ui-store.ts';

const STORAGE_TEXT: Record<StoragePersistence, string> = {
  persisted: 'Kept: the browser will not clear this till’s data on its own',
  'not-persisted': 'Not guaranteed: the browser may clear data when the device runs low on space',
  unsupported: 'This browser cannot promise to keep the data',
  unknown: 'Checking…',
};

export interface SyncDetailsProps {
  api: TillApi;
  onSyncNow: () => void;
  /** The store's time zone, for the last-synced time. */
  timeZone: string;
  /** Managers may drop the local catalog to free space; undefined hides the action. */
  onClearCatalog?: (() => Promise<void>) | undefined;
}

type Clearing = 'idle' | 'confirm' | 'busy' | { error: string };

export function SyncDetails({ api, onSyncNow, timeZone, onClearCatalog }: SyncDetailsProps) {
  const status = useTillSyncStatus(api);
  const [clearing, setClearing] = useState<Clearing>('idle');

  async function clearCatalog(clear: () => Promise<void>) {
    setClearing('busy');
    try {
      await clear();
      setClearing('idle');
    } catch (error) {
      setClearing({ error: errorMessage(error) });
    }
  }
  const storage = useUiStore((state) => state.storage);
  const close = useUiStore((state) => state.toggleSyncDetails);

  return (
    <section className="sync-details" data-testid="sync-details" aria-label="Sync details">
      <header className="sync-details__head">
        <h2>Sync</h2>
        <Button variant="ghost" onClick={() => close(false)} aria-label="Close sync details">
          ✕
        </Button>
      </header>

      <dl className="sync-details__list">
        <dt>Network</dt>
        <dd>{status.online ? 'Online' : 'Offline: sales are kept on this till'}</dd>
        <dt>Waiting to send</dt>
        <dd data-testid="sync-waiting">{status.waiting}</dd>
        <dt>Last synced</dt>
        <dd>
          {status.lastSyncedAt
            ? `${clockTime(status.lastSyncedAt, timeZone)}, ${calendarDate(status.lastSyncedAt, timeZone)}`
            : 'Not yet'}
        </dd>
        <dt>Status</dt>
        <dd>{status.lastError ?? (status.phase === 'syncing' ? 'Syncing' : 'Idle')}</dd>
        <dt>Local data</dt>
        <dd data-testid="storage-persisted" data-state={storage}>
          {STORAGE_TEXT[storage]}
        </dd>
      </dl>

      <h3>Not accepted by the server ({status.rejected.length})</h3>
      {status.rejected.length === 0 ? (
        <p className="sync-details__none">None</p>
      ) : (
        <ul className="sync-details__rejected" data-testid="sync-rejected">
          {status.rejected.map((doc) => (
            <li key={doc.id}>
              <code>{doc.id}</code>
              <span>
                {doc.code}: {doc.message}
              </span>
            </li>
          ))}
        </ul>
      )}

      <Button variant="primary" onClick={onSyncNow} disabled={!status.online}>
        Sync now
      </Button>

      {onClearCatalog !== undefined && (
        <div className="sync-details__clear" data-testid="clear-catalog">
          <h3>Catalog cache</h3>
          <p>
            Removes products, categories and tax rates from this till and downloads them again.
            Frees space when the device is full. Sales waiting to sync are kept.
          </p>
          {clearing === 'confirm' ? (
            <>
              <Button
                variant="danger"
                data-testid="clear-catalog-confirm"
                onClick={() => void clearCatalog(onClearCatalog)}
              >
                Clear and re-download
              </Button>
              <Button variant="ghost" onClick={() => setClearing('idle')}>
                Keep it
              </Button>
            </>
          ) : (
            <Button
              data-testid="clear-catalog-start"
              disabled={clearing === 'busy'}
              onClick={() => setClearing('confirm')}
            >
              {clearing === 'busy' ? 'Clearing…' : 'Clear catalog cache / re-download'}
            </Button>
          )}
          {typeof clearing === 'object' && (
            <p className="till-error" role="alert">
              {clearing.error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
