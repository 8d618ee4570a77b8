import type { Sale } from '@pos/shared';

export type SaleSyncState = 'waiting' | 'synced' | 'flagged' | 'rejected';

/**
 * Where a sale stands with the server: the `server` field arrives when the server has taken
 * it; a sale the server quarantined may only be known from the push's rejected list.
 */
export function saleSyncState(sale: Sale, rejectedIds: ReadonlySet<string>): SaleSyncState {
  switch (sale.server?.status) {
    case 'accepted':
      return 'synced';
    case 'flagged':
      return 'flagged';
    case 'quarantined':
      return 'rejected';
    case undefined:
      return rejectedIds.has(sale.id) ? 'rejected' : 'waiting';
  }
}

export const SYNC_STATE_LABELS: Record<SaleSyncState, string> = {
  waiting: 'Waiting to sync',
  synced: 'Synced',
  flagged: 'Flagged for review',
  rejected: 'Rejected',
};
