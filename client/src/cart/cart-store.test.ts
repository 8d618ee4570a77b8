import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';

import { createCartStore } from './cart-store.ts';

function counterIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `id-${n}`;
  };
}

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const tenPercent = { type: 'percent', value: 10_000, reason: 'damaged', approvedBy: null } as const;

describe('cart store', () => {
  it('merges repeated scans of one product into one line', () => {
    const store = createCartStore({ newId: counterIds() });
    const { add } = store.getState();

    add('p1');
    add('p1');
    add('p2');

    expect(store.getState().cart.lines.map((l) => [l.productId, l.quantity])).toEqual([
      ['p1', 2000],
      ['p2', 1000],
    ]);
  });

  it('gives each weighed quantity a line of its own', () => {
    const store = createCartStore({ newId: counterIds() });

    store.getState().add('bananas', 1250);
    store.getState().add('bananas', 980);

    expect(store.getState().cart.lines.map((l) => l.quantity)).toEqual([1250, 980]);
  });

  it('gives a product a new line when the last line of it is discounted', () => {
    const store = createCartStore({ newId: counterIds() });
    store.getState().add('p1');
    const lineId = store.getState().cart.lines[0]?.lineId ?? '';

    store.getState().setLineDiscount(lineId, tenPercent);
    store.getState().add('p1');

    expect(store.getState().cart.lines).toHaveLength(2);
    expect(store.getState().cart.lines[0]?.discount).toEqual(tenPercent);
  });

  it('steps quantities by whole pieces and never below one piece', () => {
    const store = createCartStore({ newId: counterIds() });
    store.getState().add('p1');
    const lineId = store.getState().cart.lines[0]?.lineId ?? '';

    store.getState().step(lineId, 2);
    expect(store.getState().cart.lines[0]?.quantity).toBe(3000);

    store.getState().step(lineId, -5);
    expect(store.getState().cart.lines[0]?.quantity).toBe(1000);
  });

  it('removes a line when its quantity is set to zero', () => {
    const store = createCartStore({ newId: counterIds() });
    store.getState().add('p1');
    const lineId = store.getState().cart.lines[0]?.lineId ?? '';

    store.getState().setQuantity(lineId, 0);

    expect(store.getState().cart.lines).toEqual([]);
  });

  it('ignores quantities that are not whole thousandths', () => {
    const store = createCartStore({ newId: counterIds() });
    store.getState().add('p1');
    const lineId = store.getState().cart.lines[0]?.lineId ?? '';

    store.getState().setQuantity(lineId, 1.5);

    expect(store.getState().cart.lines[0]?.quantity).toBe(1000);
  });

  it('sets and clears a cart discount', () => {
    const store = createCartStore({ newId: counterIds() });

    store.getState().setCartDiscount(tenPercent);
    expect(store.getState().cart.cartDiscount).toEqual(tenPercent);

    store.getState().setCartDiscount(null);
    expect(store.getState().cart.cartDiscount).toBeNull();
  });

  it('starts a new cart with a fresh id on reset', () => {
    const store = createCartStore({ newId: counterIds() });
    const firstId = store.getState().cart.id;
    store.getState().add('p1');

    store.getState().reset();

    expect(store.getState().cart.lines).toEqual([]);
    expect(store.getState().cart.id).not.toBe(firstId);
  });

  it('keeps the cart in storage and restores it in a new store', () => {
    const storage = memoryStorage();
    const first = createCartStore({ newId: counterIds(), storage, storageKey: 'cart' });
    first.getState().add('p1');

    const second = createCartStore({ newId: counterIds(), storage, storageKey: 'cart' });

    expect(second.getState().cart).toEqual(first.getState().cart);
  });
});
