import { z } from 'zod';

import { storedSessionSchema, type StoredSession } from './stored-session.ts';

const KEY = 'pos.staffSessions.v1';

const staffSessionsSchema = z.record(z.string(), storedSessionSchema);

/**
 * Every staff member's last session on this device, by staff id: who may unlock the till with
 * a PIN, and whose tokens sync while they are at the till. Same caveat as the active session:
 * readable by the till's own scripts only.
 */
export function loadStaffSessions(storage: Storage = localStorage): Record<string, StoredSession> {
  const raw = storage.getItem(KEY);
  if (raw === null) return {};
  try {
    const parsed = staffSessionsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function saveStaffSession(session: StoredSession, storage: Storage = localStorage): void {
  const all = loadStaffSessions(storage);
  all[session.me.userId] = session;
  storage.setItem(KEY, JSON.stringify(all));
}

export function removeStaffSession(userId: string, storage: Storage = localStorage): void {
  const all = loadStaffSessions(storage);
  delete all[userId];
  storage.setItem(KEY, JSON.stringify(all));
}

export function clearStaffSessions(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

export const STAFF_SESSIONS_STORAGE_KEY = KEY;
