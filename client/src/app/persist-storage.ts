import { errorMessage } from '../session/api-error.ts';
import { log } from './log.ts';
import type { StoragePersistence } from './ui-store.ts';

let asked: Promise<StoragePersistence> | undefined;

/**
 * Asks once per page that IndexedDB be kept under storage pressure: without it the browser
 * may evict the till's database, waiting sales included.
 */
export function requestPersistentStorage(): Promise<StoragePersistence> {
  asked ??= (async (): Promise<StoragePersistence> => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return 'unsupported';
    try {
      if (await storage.persisted()) return 'persisted';
      return (await storage.persist()) ? 'persisted' : 'not-persisted';
    } catch (error) {
      log.warn('persistent storage request failed', { error: errorMessage(error) });
      return 'unsupported';
    }
  })();
  return asked;
}
