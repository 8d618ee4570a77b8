import type { Sale } from '@pos/shared';
import { useEffect, useState } from 'react';

import type { TillApi } from '../data/till-api.ts';

const HISTORY_LIMIT = 200;

function newestFirst(a: Sale, b: Sale): number {
  return b.createdAt.localeCompare(a.createdAt) || b.deviceSeq - a.deviceSeq;
}

/** This device's sales, newest first, kept current as sales are made and synced. */
export function useDeviceSales(api: TillApi, deviceId: string): Sale[] | null {
  const [sales, setSales] = useState<Sale[] | null>(null);

  useEffect(() => {
    let live = true;
    const show = (list: readonly Sale[]) => {
      if (!live) return;
      setSales(list.filter((s) => s.deviceId === deviceId && !s._deleted).sort(newestFirst));
    };

    const unsubscribe = api.subscribeSales(show);
    api.recentSales(HISTORY_LIMIT).then(show, () => show([]));

    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, deviceId]);

  return sales;
}
