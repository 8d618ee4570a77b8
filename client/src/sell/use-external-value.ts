import { useMemo, useSyncExternalStore } from 'react';

export interface ValueSource<T> {
  read(): T;
  subscribe(listener: (value: T) => void): () => void;
}

/**
 * Keeps the last value a source pushed, so React gets the same object back until the source
 * changes (useSyncExternalStore demands that) even if `read()` builds a new one on each call.
 */
function createValueStore<T>(source: ValueSource<T>) {
  let current = source.read();

  return {
    getSnapshot: () => current,
    subscribe(onChange: () => void): () => void {
      const unsubscribe = source.subscribe((value) => {
        current = value;
        onChange();
      });

      // Whatever changed between the first render and subscribing would otherwise be missed.
      const fresh = source.read();
      if (fresh !== current) {
        current = fresh;
        onChange();
      }
      return unsubscribe;
    },
  };
}

export function useExternalValue<T>(makeSource: () => ValueSource<T>, key: unknown): T {
  // The source is rebuilt only when `key` (the api) changes; makeSource closes over it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const store = useMemo(() => createValueStore(makeSource()), [key]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
