import { newId } from '@pos/shared';
import { useStore } from 'zustand';

import { createCartStore, type CartState, type CartStore } from './cart-store.ts';

const stores = new Map<string, CartStore>();

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Storage can be blocked by browser settings; the till still sells, it just forgets.
    return undefined;
  }
}

/**
 * One cart per device in this tab. It lives in sessionStorage, so a reload (say, offline)
 * keeps the sale being rung up while a second tab of the same till has a cart of its own.
 */
export function cartStoreFor(deviceId: string): CartStore {
  let store = stores.get(deviceId);
  if (store === undefined) {
    const storage = sessionStorageOrUndefined();
    store = createCartStore({
      newId,
      storageKey: `pos.cart.${deviceId}`,
      ...(storage === undefined ? {} : { storage }),
    });
    stores.set(deviceId, store);
  }
  return store;
}

export function useCart<T>(store: CartStore, selector: (state: CartState) => T): T {
  return useStore(store, selector);
}
