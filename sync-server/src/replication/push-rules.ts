import type { CashMovement, CollectionName } from '@pos/shared';

import { customerPushRule } from '../customers/customer-push-rule.ts';
import { salePushRule } from '../sales/sale-push-rule.ts';
import { shiftPushRule } from '../shifts/shift-push-rule.ts';
import { drawerQuestions, refuseUnpermittedDrawer } from '../shifts/staff-at-drawer.ts';
import { stockMovementPushRule } from '../stock/stock-movement-push-rule.ts';
import { devicePushRule, storePushRule } from './organisation-push-rules.ts';
import { acceptAsPushed, type PushRule } from './push-rule.ts';

/**
 * Cash movements are evidence like sales: once stored, another version is a conflict. Whoever
 * moved the cash must still be allowed to sell in that store, as a sale's cashier must.
 */
const cashMovementPushRule: PushRule = {
  immutable: true,
  questions: (_pusher, document) => drawerQuestions(document as unknown as CashMovement),
  async decide(tx, context, proposal) {
    const movement = proposal.document as unknown as CashMovement;
    return refuseUnpermittedDrawer(context, movement) ?? acceptAsPushed(tx, context, proposal);
  },
};

/** Everything else is compare-and-set only. */
const plainPushRule: PushRule = { immutable: false, decide: acceptAsPushed };

const rules: Partial<Record<CollectionName, PushRule>> = {
  sales: salePushRule,
  cash_movements: cashMovementPushRule,
  shifts: shiftPushRule,
  customers: customerPushRule,
  stock_movements: stockMovementPushRule,
  stores: storePushRule,
  devices: devicePushRule,
};

export function pushRuleFor(collection: CollectionName): PushRule {
  return rules[collection] ?? plainPushRule;
}
