import {
  businessDay,
  deviceSchema,
  formatReceiptNumber,
  saleStockMovements,
  saleTotalsSchema,
  storeSchema,
  type RejectedDocument,
  type Sale,
  type SaleServerInfo,
  type StockMovement,
} from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { checkDiscountApprovals } from '../discounts/check-discount-approvals.ts';
import { checkPushedRefund } from '../refunds/check-pushed-refund.ts';
import type { RefundHistory } from '../refunds/load-refund-history.ts';
import type { PushContext } from '../replication/push-rule.ts';
import { readMaster } from '../replication/read-masters.ts';
import { questionSale } from './question-sale.ts';
import { recomputeTotals } from './recompute-totals.ts';
import { reserveReceipt } from './reserve-receipt.ts';
import { cashierMaySell } from './sale-questions.ts';

export type SaleDecision =
  | { kind: 'accepted'; sale: Sale & { server: SaleServerInfo }; movements: StockMovement[] }
  | { kind: 'rejected'; rejected: RejectedDocument };

/**
 * Decides on a sale the server has never seen. Problems the till cannot fix by itself (unknown
 * store or device, a receipt number already used, a cashier who may not sell there, a refund
 * not approved or giving back more than was sold) reject it into quarantine; problems a
 * manager should look at (totals that do not add up, a discount over the limit without
 * approval, see also questionSale) accept it flagged, because the money has already changed
 * hands. `pending` are the sales accepted earlier in the same push.
 */
export async function acceptNewSale(
  tx: Queryable,
  context: Pick<PushContext, 'tenantId' | 'now' | 'permits'>,
  sale: Sale,
  pending: readonly Sale[] = [],
): Promise<SaleDecision> {
  const { tenantId, now } = context;
  const reject = (code: string, message: string): SaleDecision => ({
    kind: 'rejected',
    rejected: { id: sale.id, code, message },
  });

  const store = storeSchema.safeParse(await readMaster(tx, tenantId, 'stores', sale.storeId));
  if (!store.success || store.data._deleted) {
    return reject('unknown_store', `store ${sale.storeId} does not exist`);
  }
  const device = deviceSchema.safeParse(await readMaster(tx, tenantId, 'devices', sale.deviceId));
  if (!device.success || device.data._deleted || device.data.storeId !== sale.storeId) {
    return reject('unknown_device', `device ${sale.deviceId} is not a till of this store`);
  }
  if (sale._deleted) {
    return reject('invalid_document', 'a sale cannot be deleted');
  }

  const receipt = await reserveReceipt(tx, tenantId, sale);
  if (receipt.kind === 'taken') {
    return reject(
      'duplicate_receipt_number',
      `receipt ${sale.deviceSeq} of device ${sale.deviceId} is already sale ${receipt.saleId}`,
    );
  }

  // The cashier may have been removed or demoted since, while the till was offline. The money
  // has changed hands, so the sale is kept in quarantine for a manager, never dropped.
  const selling = context.permits.decision(cashierMaySell(sale));
  if (!selling.allowed) {
    return reject(
      'not_permitted',
      `${sale.cashierName} (${sale.cashierId}) may not sell in store ${sale.storeId}: ${selling.reason}`,
    );
  }

  let history: RefundHistory | undefined;
  if (sale.kind === 'refund') {
    const verdict = await checkPushedRefund(tx, context, sale, pending);
    if (verdict.kind === 'refused') return { kind: 'rejected', rejected: verdict.rejected };
    history = verdict.history;
  }

  // Reports use the server's totals, recomputed with the same pure functions the till used.
  const { totals, issues } = recomputeTotals(sale, history);

  // Each line can be within bounds and their sum not: totals past what money columns and exact
  // doubles hold would poison every report that adds them up, so such a sale waits for a human.
  if (!saleTotalsSchema.safeParse(totals).success) {
    return reject(
      'totals_out_of_range',
      `the recomputed total ${String(totals.total)} is beyond the largest amount a sale may carry`,
    );
  }
  issues.push(...(await checkDiscountApprovals(tx, context, sale)));
  issues.push(...(await questionSale(tx, tenantId, sale, store.data, now)));
  const expectedReceipt = formatReceiptNumber(store.data.code, device.data.code, sale.deviceSeq);
  if (sale.receiptNumber !== expectedReceipt) {
    issues.push({ code: 'receipt_number_mismatch', message: `expected ${expectedReceipt}` });
  }

  const server: SaleServerInfo = {
    receivedAt: now.toISOString(),
    businessDay: businessDay(now, store.data.timezone),
    status: issues.length === 0 ? 'accepted' : 'flagged',
    issues,
    totals,
  };

  // The till derives the same movements with the sale's own time, so both sides write
  // identical ledger documents and neither ever conflicts with the other.
  const movements = saleStockMovements(sale, sale.createdAt);

  return { kind: 'accepted', sale: { ...sale, server }, movements };
}
