import type { CatalogIndex, TillApi } from '../data/till-api.ts';
import { useExternalValue } from './use-external-value.ts';

/** The catalog as it is now, re-rendered whenever replication brings a new one. */
export function useCatalog(api: TillApi): CatalogIndex {
  return useExternalValue(
    () => ({ read: () => api.catalog(), subscribe: (listener) => api.subscribeCatalog(listener) }),
    api,
  );
}
