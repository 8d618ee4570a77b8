import { deviceSchema, meResponseSchema, storeSchema } from '@pos/shared';
import { z } from 'zod';

import { permissionSnapshotSchema } from './permission-snapshot.ts';

const KEY = 'pos.session.v1';

export const storedSessionSchema = z.object({
  tokens: z.object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresAt: z.number(),
  }),
  me: meResponseSchema,
  device: deviceSchema,
  store: storeSchema,
  signedInAt: z.string(),
  /** The refresh token was refused: selling goes on, syncing waits for a new sign-in. */
  needsSignIn: z.boolean(),
  /** What this person may do in this store, for the till's buttons (recomputed on activation). */
  permissions: permissionSnapshotSchema.optional(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

/**
 * The last signed-in session in localStorage, so a cold start offline goes straight to the
 * till without asking the network anything. Tokens in localStorage are readable by any script
 * on the origin; the till has no third-party scripts and the CSP forbids inline ones.
 * TODO(#4): with Keycloak, keep the refresh token out of reach of scripts where possible (a
 * backend-for-frontend holding it in an HttpOnly cookie); offline starts need the rest here.
 */
export function loadSession(storage: Storage = localStorage): StoredSession | null {
  const raw = storage.getItem(KEY);
  if (raw === null) return null;

  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

export const SESSION_STORAGE_KEY = KEY;
