import { authorize, type AuthzDecision, type AuthzSubject, type Store } from '@pos/shared';

/** What a manager is asked to approve at the till. */
export type ApprovalRequest =
  | { action: 'refund' }
  /** The discount as milli-percent of what it applies to (effectiveDiscountPercent). */
  | { action: 'apply_discount'; discountMilliPercent: number };

export interface ApprovalScope {
  tenantId: string;
  store: Pick<Store, 'id' | 'discountLimits'>;
}

/** The same decision the server makes about whoever the document names. */
export function decideApproval(
  subject: AuthzSubject,
  request: ApprovalRequest,
  scope: ApprovalScope,
): AuthzDecision {
  return authorize({
    subject,
    action: request.action,
    tenantId: scope.tenantId,
    storeId: scope.store.id,
    store: scope.store,
    ...(request.action === 'apply_discount'
      ? { discountMilliPercent: request.discountMilliPercent }
      : {}),
  });
}
