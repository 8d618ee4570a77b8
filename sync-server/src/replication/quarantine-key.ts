import { createHash } from 'node:crypto';

import { idSchema } from '@pos/shared';

/**
 * The document id a quarantine entry is kept under. A document without a usable id (none, not
 * a string, or not a valid id) gets one derived from its body, so two different ones never
 * overwrite each other while the same one pushed again still refreshes its own entry.
 */
export function quarantineKey(id: string, body: unknown): string {
  if (idSchema.safeParse(id).success) return id;

  const digest = createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
  return `noid-${digest.slice(0, 32)}`;
}
