import type { SyncStatus } from '../data/till-api.ts';

function sales(n: number): string {
  return `${n} ${n === 1 ? 'sale' : 'sales'}`;
}

/** Hours and minutes on the store's clock (like the receipts), whatever the device's zone. */
export function clockTime(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone }).format(new Date(iso));
  } catch {
    // An unknown zone name must not break the top bar.
    return new Intl.DateTimeFormat('en-CA', options).format(new Date(iso));
  }
}

/** The date on the store's calendar, e.g. 2025-03-01. */
export function calendarDate(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en-CA', options).format(new Date(iso));
  }
}

/** "1 sale rejected — see details": documents the server would not keep are never "synced". */
export function rejectedLabel(rejected: SyncStatus['rejected']): string | null {
  const n = rejected.length;
  if (n === 0) return null;
  const allSales = rejected.every((doc) => (doc.collection ?? 'sales') === 'sales');
  const noun = allSales ? (n === 1 ? 'sale' : 'sales') : n === 1 ? 'document' : 'documents';
  return `${n} ${noun} rejected — see details`;
}

/** The sync indicator's one line: what a cashier needs to know at a glance. */
export function syncLabel(status: SyncStatus, needsSignIn: boolean, timeZone: string): string {
  const rejected = rejectedLabel(status.rejected);
  if (rejected !== null && !needsSignIn) {
    const where = status.online ? '' : ' · offline';
    return status.waiting > 0
      ? `${rejected} · ${sales(status.waiting)} waiting${where}`
      : `${rejected}${where}`;
  }
  if (needsSignIn) {
    return status.waiting > 0
      ? `Sign in again · ${sales(status.waiting)} waiting`
      : 'Sign in again to sync';
  }
  if (!status.online) {
    return status.waiting > 0
      ? `Offline · ${sales(status.waiting)} waiting`
      : 'Offline · nothing waiting';
  }
  if (status.phase === 'error') {
    return `Sync problem · ${status.lastError ?? 'retrying'}`;
  }
  if (status.waiting > 0) return `Online · sending ${sales(status.waiting)}`;
  if (status.lastSyncedAt === null) return 'Online · syncing…';
  return `Online · all synced ${clockTime(status.lastSyncedAt, timeZone)}`;
}
