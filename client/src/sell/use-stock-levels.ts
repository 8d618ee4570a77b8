import type { TillApi } from '../data/till-api.ts';
import { useExternalValue, type ValueSource } from './use-external-value.ts';

const STOCK: ValueSource<TillApi, ReadonlyMap<string, number>> = {
  read: (api) => api.stockLevels(),
  subscribe: (api, listener) => api.subscribeStock(listener),
};

/** On hand per product, re-rendered when a sale here or on another till moves stock. */
export function useStockLevels(api: TillApi): ReadonlyMap<string, number> {
  return useExternalValue(api, STOCK);
}
