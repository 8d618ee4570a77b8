import type { SyncStatus, TillApi } from '../data/till-api.ts';
import { useExternalValue } from '../sell/use-external-value.ts';

export function useSyncStatus(api: TillApi): SyncStatus {
  return useExternalValue(
    () => ({
      read: () => api.syncStatus(),
      subscribe: (listener) => api.subscribeSyncStatus(listener),
    }),
    api,
  );
}
