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
 * sees a write that could still roll back. TODO(#5): Redis pub/sub implements this across
 * server instances.
 */
export interface ChangeBus {
  publish(event: ChangeEvent): void;
  subscribe(tenantId: string, listener: ChangeListener): () => void;
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
