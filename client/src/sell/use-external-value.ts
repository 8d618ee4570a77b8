import { useMemo, useSyncExternalStore } from 'react';

/** How to read a value off `S` (the till api) and hear about its changes. */
export interface ValueSource<S, T> {
  read(source: S): T;
  subscribe(source: S, listener: (value: T) => void): () => void;
}

/**
 * Keeps the last value a source pushed, so React gets the same object back until the source
 * changes (useSyncExternalStore demands that) even if `read()` builds a new one on each call.
 */
function createValueStore<S, T>(source: S, access: ValueSource<S, T>) {
  let current = access.read(source);

  return {
    getSnapshot: () => current,
    subscribe(onChange: () => void): () => void {
      const unsubscribe = access.subscribe(source, (value) => {
        current = value;
        onChange();
      });

      // Whatever changed between the first render and subscribing would otherwise be missed.
      const fresh = access.read(source);
      if (fresh !== current) {
        current = fresh;
        onChange();
      }
      return unsubscribe;
    },
  };
}

/** `access` should be a constant defined once at module level, not a fresh object per render. */
export function useExternalValue<S, T>(source: S, access: ValueSource<S, T>): T {
  const store = useMemo(() => createValueStore(source, access), [source, access]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
