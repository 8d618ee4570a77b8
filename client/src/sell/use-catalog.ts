import type { CatalogIndex, TillApi } from '../data/till-api.ts';
import { useExternalValue, type ValueSource } from './use-external-value.ts';

const CATALOG: ValueSource<TillApi, CatalogIndex> = {
  read: (api) => api.catalog(),
  subscribe: (api, listener) => api.subscribeCatalog(listener),
};

/** The catalog as it is now, re-rendered whenever replication brings a new one. */
export function useCatalog(api: TillApi): CatalogIndex {
  return useExternalValue(api, CATALOG);
}
