import {
  arrayOf,
  bool,
  id,
  int,
  isoInstant,
  milliPercent,
  nonNegativeMinor,
  nullable,
  object,
  oneOf,
  record,
  replicatedProperties,
  text,
} from './json-schema-parts.ts';
import { collectionSchema, type RxDoc } from './collection-schema.ts';

const ROLES = ['cashier', 'manager', 'owner'];
const CODE = { type: 'string', maxLength: 6, pattern: '^[A-Z0-9]{1,6}$' };

export const pricingRulesRxSchema = object({
  currency: text(3),
  pricesIncludeTax: bool,
  taxRounding: oneOf(['line', 'total']),
  cashRounding: object({ increment: int(1, 100_00), mode: oneOf(['nearest', 'down', 'up']) }),
});

const variableMeasureRuleRxSchema = object({
  prefixes: arrayOf(text(4), undefined, 1),
  itemCodeLength: int(1, 8),
  value: oneOf(['price', 'weight']),
  valueDigits: int(1, 6),
  decimals: int(0, 4),
  hasValueCheckDigit: bool,
});

export const storeRxSchema = collectionSchema<RxDoc<'stores'>>(
  'store',
  {
    ...replicatedProperties,
    name: text(120, 1),
    code: CODE,
    timezone: text(64, 1),
    address: text(400),
    pricing: pricingRulesRxSchema,
    discountLimits: object(Object.fromEntries(ROLES.map((role) => [role, milliPercent]))),
    receiptHeader: text(400),
    receiptFooter: text(400),
    scanning: object({
      prefix: text(8),
      suffix: text(8),
      variableMeasure: arrayOf(variableMeasureRuleRxSchema, 10),
    }),
  },
  { optional: ['scanning'] },
);

export const deviceRxSchema = collectionSchema<RxDoc<'devices'>>('device', {
  ...replicatedProperties,
  storeId: id,
  code: CODE,
  name: text(120, 1),
});

export const staffRxSchema = collectionSchema<RxDoc<'staff'>>('staff member', {
  ...replicatedProperties,
  displayName: text(120, 1),
  email: text(254),
  roles: arrayOf(oneOf(ROLES), undefined, 1),
  storeIds: arrayOf(id),
  pinHash: nullable(text(300)),
});

export const customerRxSchema = collectionSchema<RxDoc<'customers'>>('customer', {
  ...replicatedProperties,
  name: text(200, 1),
  email: nullable(text(254)),
  phone: nullable(text(40)),
  mergedInto: nullable(id),
  createdAt: isoInstant,
});

export const shiftRxSchema = collectionSchema<RxDoc<'shifts'>>('shift', {
  ...replicatedProperties,
  storeId: id,
  deviceId: id,
  status: oneOf(['open', 'closed']),
  openedBy: id,
  openedAt: isoInstant,
  openingFloat: nonNegativeMinor,
  closedBy: nullable(id),
  closedAt: nullable(isoInstant),
  blindClose: bool,
  countedByDenomination: nullable(record(int(0, Number.MAX_SAFE_INTEGER))),
  countedCash: nullable(nonNegativeMinor),
  expectedCash: nullable(int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
});

export const cashMovementRxSchema = collectionSchema<RxDoc<'cash_movements'>>('cash movement', {
  ...replicatedProperties,
  shiftId: id,
  storeId: id,
  deviceId: id,
  type: oneOf(['in', 'out']),
  amount: int(1, 1_000_000_000_00),
  reason: text(200, 1),
  createdBy: id,
  createdAt: isoInstant,
});
