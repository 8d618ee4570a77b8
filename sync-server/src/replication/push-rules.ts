import type { CollectionName } from '@pos/shared';

import { customerPushRule } from '../customers/customer-push-rule.ts';
import { salePushRule } from '../sales/sale-push-rule.ts';
import { shiftPushRule } from '../shifts/shift-push-rule.ts';
import { stockMovementPushRule } from '../stock/stock-movement-push-rule.ts';
import { devicePushRule, storePushRule } from './organisation-push-rules.ts';
import { acceptAsPushed, type PushRule } from './push-rule.ts';

// TODO(#4): shifts and cash movements name who opened, closed or moved cash (`openedBy`,
// `closedBy`, `createdBy`) and are taken from any staff member's till; ask `sell` in their
// store for those staff as salePushRule does for a sale's cashier.

/** Cash movements are evidence like sales: once stored, another version is a conflict. */
const cashMovementPushRule: PushRule = { immutable: true, decide: acceptAsPushed };

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
