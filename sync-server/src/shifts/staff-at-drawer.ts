import type { CashMovement, Shift } from '@pos/shared';

import type { PushQuestion } from '../replication/push-permits.ts';
import type { PushContext, WriteDecision } from '../replication/push-rule.ts';

/**
 * Who handled the drawer: the staff who opened and closed a shift, or moved cash in or out.
 * Like a sale's cashier, each must still be allowed to sell in that store; the till may have
 * been offline while they were removed, so the document is quarantined, never dropped.
 */
export function drawerStaff(document: Shift | CashMovement): string[] {
  if ('openedBy' in document) {
    return document.closedBy === null
      ? [document.openedBy]
      : [document.openedBy, document.closedBy];
  }
  return [document.createdBy];
}

export function drawerQuestions(document: Shift | CashMovement): PushQuestion[] {
  return drawerStaff(document).map((userId) => ({
    userId,
    action: 'sell' as const,
    storeId: document.storeId,
  }));
}

/** Undefined when everyone who handled the drawer may sell in its store. */
export function refuseUnpermittedDrawer(
  context: Pick<PushContext, 'permits'>,
  document: Shift | CashMovement,
): WriteDecision | undefined {
  for (const question of drawerQuestions(document)) {
    const decision = context.permits.decision(question);
    if (decision.allowed) continue;
    return {
      kind: 'rejected',
      rejected: {
        id: document.id,
        code: 'not_permitted',
        message: `${question.userId} may not handle the drawer in store ${document.storeId}: ${decision.reason}`,
      },
    };
  }
  return undefined;
}
