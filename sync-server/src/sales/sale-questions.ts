import type { Sale } from '@pos/shared';

import { discountQuestions } from '../discounts/check-discount-approvals.ts';
import { refundApprovalQuestion } from '../refunds/check-refund-approval.ts';
import type { PushQuestion } from '../replication/push-permits.ts';

/** The staff member who rang the sale up (the till's signed-in cashier, not the pusher). */
export function cashierMaySell(sale: Pick<Sale, 'cashierId' | 'storeId'>): PushQuestion {
  return { userId: sale.cashierId, action: 'sell', storeId: sale.storeId };
}

/** Every permission question a pushed sale raises; a push asks them for all its sales at once. */
export function saleQuestions(sale: Sale): PushQuestion[] {
  const approval = sale.kind === 'refund' ? refundApprovalQuestion(sale) : undefined;
  return [
    cashierMaySell(sale),
    ...(approval === undefined ? [] : [approval]),
    ...discountQuestions(sale),
  ];
}
