import type { Sale, Store } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { readMasters } from '../replication/read-masters.ts';
import type { SaleIssue } from './recompute-totals.ts';

/** How far a till's clock may be from the server's before a manager should hear about it. */
export const CLOCK_DRIFT_LIMIT_MS = 24 * 60 * 60 * 1000;

/**
 * What a manager should look at in a sale that happened anyway: things sold that the catalogue
 * does not have, a currency the store does not use, a device clock far off (the business day
 * comes from the server clock already). Issues, not rejections: the money has changed hands and
 * the sale must be in the books. A cashier who may not sell there is quarantined before this.
 */
export async function questionSale(
  tx: Queryable,
  tenantId: string,
  sale: Sale,
  store: Store,
  now: Date,
): Promise<SaleIssue[]> {
  const issues: SaleIssue[] = [];

  const productIds = [...new Set(sale.lines.map((line) => line.productId))];
  const products = await readMasters(tx, tenantId, 'products', productIds);
  const unknown = productIds.filter((id) => {
    const product = products.get(id);
    return product === undefined || product._deleted;
  });
  if (unknown.length > 0) {
    issues.push({
      code: 'unknown_product',
      message: `not in the catalogue: ${unknown.join(', ')}`,
    });
  }

  if (sale.pricing.currency !== store.pricing.currency) {
    issues.push({
      code: 'currency_mismatch',
      message: `the sale is in ${sale.pricing.currency}, the store in ${store.pricing.currency}`,
    });
  }

  const driftMs = Date.parse(sale.createdAt) - now.getTime();
  if (Math.abs(driftMs) > CLOCK_DRIFT_LIMIT_MS) {
    issues.push({
      code: 'clock_drift',
      message: `the device clock was ${Math.round(driftMs / 3_600_000)} h off the server's`,
    });
  }

  return issues;
}
