import type { Discount } from '@pos/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

import type { Cart } from '../data/till-api.ts';
import {
  addProduct,
  emptyCart,
  removeLine,
  setCartDiscount,
  setLineDiscount,
  setQuantity,
  stepQuantity,
} from './cart-operations.ts';

export interface CartState {
  cart: Cart;
  /** One piece, or a measured quantity (thousandths) on a line of its own. */
  add(productId: string, measured?: number | null, unitPrice?: number | null): void;
  setQuantity(lineId: string, quantity: number): void;
  step(lineId: string, pieces: number): void;
  remove(lineId: string): void;
  setLineDiscount(lineId: string, discount: Discount | null): void;
  setCartDiscount(discount: Discount | null): void;
  setCustomer(customerId: string | null): void;
  /** Replaces the cart, e.g. with a resumed parked one. */
  load(cart: Cart): void;
  /** Starts a new, empty cart with a fresh id. */
  reset(): void;
}

export interface CartStoreOptions {
  newId: () => string;
  /** Keeps the cart across a page reload; per tab, so two tabs never share a cart. */
  storage?: StateStorage;
  storageKey?: string;
}

export type CartStore = StoreApi<CartState>;

export function createCartStore(options: CartStoreOptions): CartStore {
  const { newId } = options;

  const initializer = (
    set: (change: (state: CartState) => Partial<CartState>) => void,
  ): CartState => {
    const change = (update: (cart: Cart) => Cart) => set((s) => ({ cart: update(s.cart) }));

    return {
      cart: emptyCart(newId()),
      add: (productId, measured, unitPrice) =>
        change((c) => addProduct(c, productId, newId(), measured ?? null, unitPrice ?? null)),
      setQuantity: (lineId, quantity) => change((c) => setQuantity(c, lineId, quantity)),
      step: (lineId, pieces) => change((c) => stepQuantity(c, lineId, pieces)),
      remove: (lineId) => change((c) => removeLine(c, lineId)),
      setLineDiscount: (lineId, discount) => change((c) => setLineDiscount(c, lineId, discount)),
      setCartDiscount: (discount) => change((c) => setCartDiscount(c, discount)),
      setCustomer: (customerId) => change((c) => ({ ...c, customerId })),
      load: (cart) => set(() => ({ cart })),
      reset: () => set(() => ({ cart: emptyCart(newId()) })),
    };
  };

  if (options.storage === undefined) {
    return createStore<CartState>()((set) => initializer(set));
  }

  const storage = options.storage;
  return createStore<CartState>()(
    persist((set) => initializer(set), {
      name: options.storageKey ?? 'pos.cart',
      storage: createJSONStorage(() => storage),
      partialize: (state) => ({ cart: state.cart }),
    }),
  );
}
