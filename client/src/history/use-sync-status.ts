import type { SyncStatus, TillApi } from '../data/till-api.ts';
import { useExternalValue, type ValueSource } from '../sell/use-external-value.ts';

const SYNC_STATUS: ValueSource<TillApi, SyncStatus> = {
  read: (api) => api.syncStatus(),
  subscribe: (api, listener) => api.subscribeSyncStatus(listener),
};

export function useSyncStatus(api: TillApi): SyncStatus {
  return useExternalValue(api, SYNC_STATUS);
}
