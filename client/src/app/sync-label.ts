import type { SyncStatus } from '../data/till-api.ts';

function sales(n: number): string {
  return `${n} ${n === 1 ? 'sale' : 'sales'}`;
}

export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** The sync indicator's one line: what a cashier needs to know at a glance. */
export function syncLabel(status: SyncStatus, needsSignIn: boolean): string {
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
  return `Online · all synced ${clockTime(status.lastSyncedAt)}`;
}
