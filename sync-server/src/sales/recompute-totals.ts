import {
  checkRefund,
  computeRefundTotals,
  computeSaleTotals,
  saleSchema,
  type Sale,
  type SaleServerInfo,
  type SaleTotals,
} from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { readMaster } from '../replication/read-masters.ts';
import { sameJson } from '../replication/same-document.ts';

type Issue = SaleServerInfo['issues'][number];

export interface Recomputed {
  totals: SaleTotals;
  issues: Issue[];
}

/**
 * The server's own totals for a sale, with the same pure functions the till used: a sale from
 * its lines, a refund from the original sale and the refunds before it. `pending` are sales
 * accepted earlier in the same push, not yet stored.
 */
export async function recomputeTotals(
  tx: Queryable,
  tenantId: string,
  sale: Sale,
  pending: readonly Sale[],
): Promise<Recomputed> {
  const issues: Issue[] = [];
  let totals: SaleTotals;

  if (sale.kind === 'sale') {
    totals = computeSaleTotals(sale);
  } else {
    const original = await loadOriginal(tx, tenantId, sale.refundOfSaleId, pending);
    if (original === undefined) {
      // The original may still be on another till that is offline; keep the till's figures
      // and let a manager look.
      return {
        totals: sale.totals,
        issues: [{ code: 'original_sale_unknown', message: 'the refunded sale is not here yet' }],
      };
    }
    const previousRefunds = [
      ...(await loadRefundsOf(tx, tenantId, original.id)),
      ...pending.filter((p) => p.refundOfSaleId === original.id),
    ].filter((refund) => refund.id !== sale.id);

    const check = checkRefund({ original, lines: sale.lines, previousRefunds });
    if (!check.ok) issues.push({ code: check.code, message: check.message });
    totals = computeRefundTotals({
      original,
      lines: sale.lines,
      previousRefunds,
      payments: sale.payments,
    });
  }

  if (!sameJson(totals, sale.totals)) {
    issues.push({ code: 'totals_mismatch', message: 'the till totals differ from the lines' });
  }
  return { totals, issues };
}

async function loadOriginal(
  tx: Queryable,
  tenantId: string,
  id: string | null,
  pending: readonly Sale[],
): Promise<Sale | undefined> {
  if (id === null) return undefined;
  const inBatch = pending.find((p) => p.id === id);
  if (inBatch !== undefined) return inBatch;
  const parsed = saleSchema.safeParse(await readMaster(tx, tenantId, 'sales', id));
  return parsed.success ? parsed.data : undefined;
}

async function loadRefundsOf(tx: Queryable, tenantId: string, saleId: string): Promise<Sale[]> {
  const { rows } = await tx.query<{ data: unknown }>(
    `select data from documents
     where tenant_id = $1 and collection = 'sales' and data ->> 'refundOfSaleId' = $2`,
    [tenantId, saleId],
  );
  return rows.flatMap((row) => {
    const parsed = saleSchema.safeParse(row.data);
    return parsed.success ? [parsed.data] : [];
  });
}
