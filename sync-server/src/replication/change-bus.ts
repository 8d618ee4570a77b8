import type { Checkpoint, CollectionName } from '@pos/shared';

import type { StoredDocument } from './write-documents.ts';

/** Documents of one collection that a committed transaction wrote. */
export interface ChangeEvent {
  tenantId: string;
  collection: CollectionName;
  documents: StoredDocument[];
  checkpoint: Checkpoint;
}

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * Tells open streams that documents changed. Publish only after commit, so a listener never
 * sees a write that could still roll back. In process here; across server instances through
 * Redis pub/sub (redis-change-bus.ts).
 */
export interface ChangeBus {
  publish(event: ChangeEvent): void;
  /**
   * `onMissed` hears that events of the tenant may have been lost (Redis was unreachable for a
   * while), so the stream can tell its till to pull instead.
   */
  subscribe(tenantId: string, listener: ChangeListener, onMissed?: () => void): () => void;
}

export function createInProcessChangeBus(): ChangeBus {
  const listeners = new Map<string, Set<ChangeListener>>();

  return {
    publish(event) {
      for (const listener of listeners.get(event.tenantId) ?? []) listener(event);
    },
    subscribe(tenantId, listener) {
      const forTenant = listeners.get(tenantId) ?? new Set();
      forTenant.add(listener);
      listeners.set(tenantId, forTenant);
      return () => {
        forTenant.delete(listener);
        if (forTenant.size === 0) listeners.delete(tenantId);
      };
    },
  };
}
