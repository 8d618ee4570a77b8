import { newId } from '@pos/shared';

const KEY = 'pos.installationId';

/**
 * This browser profile's identity as a till. Claiming a device with the same id returns the
 * same device, so receipt numbering continues after signing out and back in.
 */
export function installationId(storage: Storage = localStorage): string {
  const existing = storage.getItem(KEY);
  if (existing !== null && existing.length >= 8) return existing;

  const id = newId();
  storage.setItem(KEY, id);
  return id;
}
