import { z } from 'zod';

const KEY = 'pos.signInIntent.v1';
/** A redirect that has not come back after this long is stale (the user walked away). */
const MAX_AGE_MS = 30 * 60_000;

const intentSchema = z.object({
  /** Sales waiting when the sign-in started: another tenant may not take over then. */
  waitingSales: z.number().int().min(0),
  startedAt: z.number(),
});
export type SignInIntent = z.infer<typeof intentSchema>;

/** What the till knew before leaving for the issuer's sign-in page, read once on return. */
export function saveSignInIntent(intent: SignInIntent, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(intent));
}

export function takeSignInIntent(
  now: number,
  storage: Storage = localStorage,
): SignInIntent | null {
  const raw = storage.getItem(KEY);
  storage.removeItem(KEY);
  if (raw === null) return null;
  try {
    const parsed = intentSchema.safeParse(JSON.parse(raw));
    return parsed.success && now - parsed.data.startedAt < MAX_AGE_MS ? parsed.data : null;
  } catch {
    return null;
  }
}
