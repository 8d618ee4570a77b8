const KEY = 'pos.tillLocked.v1';

/**
 * Whether the till waits for a PIN. Kept across reloads: a reload must not hand the till to
 * whoever is standing at it.
 */
export function isTillLocked(storage: Storage = localStorage): boolean {
  return storage.getItem(KEY) === '1';
}

export function setTillLocked(locked: boolean, storage: Storage = localStorage): void {
  if (locked) storage.setItem(KEY, '1');
  else storage.removeItem(KEY);
}

export const TILL_LOCK_STORAGE_KEY = KEY;
