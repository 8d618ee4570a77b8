import {
  computeRefundTotals,
  computeSaleTotals,
  type Sale,
  type SaleServerInfo,
  type SaleTotals,
} from '@pos/shared';

import type { RefundHistory } from '../refunds/load-refund-history.ts';
import { sameJson } from '../replication/same-document.ts';

export type SaleIssue = SaleServerInfo['issues'][number];

export interface Recomputed {
  totals: SaleTotals;
  issues: SaleIssue[];
}

/**
 * The server's own totals for a sale, with the same pure functions the till used: a sale from
 * its lines, a refund from its original sale and the refunds before it (`history`, already
 * checked), so a refund never pays back at today's prices.
 */
export function recomputeTotals(sale: Sale, history: RefundHistory | undefined): Recomputed {
  if (sale.kind === 'refund' && history === undefined) {
    // Without the original there is nothing to price against; keep the till's figures and
    // let a manager look.
    return {
      totals: sale.totals,
      issues: [{ code: 'original_sale_unknown', message: 'the refunded sale is not here yet' }],
    };
  }

  const totals =
    sale.kind === 'sale' || history === undefined
      ? computeSaleTotals(sale)
      : computeRefundTotals({
          original: history.original,
          lines: sale.lines,
          previousRefunds: history.previousRefunds,
          payments: sale.payments,
        });

  const issues: SaleIssue[] = [];
  if (!sameJson(totals, sale.totals)) {
    issues.push({ code: 'totals_mismatch', message: 'the till totals differ from the lines' });
  }
  return { totals, issues };
}
