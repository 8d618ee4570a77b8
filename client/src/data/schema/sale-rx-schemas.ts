import {
  arrayOf,
  id,
  int,
  isoInstant,
  milliPercent,
  minor,
  nonNegativeMinor,
  nullable,
  object,
  oneOf,
  replicatedProperties,
  text,
} from './json-schema-parts.ts';
import { collectionSchema, type RxDoc } from './collection-schema.ts';
import { pricingRulesRxSchema } from './organisation-rx-schemas.ts';

export const discountRxSchema = object({
  type: oneOf(['percent', 'amount']),
  value: int(0, Number.MAX_SAFE_INTEGER),
  reason: text(200),
  approvedBy: nullable(id),
});

const quantity = int(1, 100_000_000);

const saleLineRxSchema = object({
  lineId: id,
  productId: id,
  sku: text(64),
  name: text(200, 1),
  quantity,
  unitPrice: nonNegativeMinor,
  taxes: arrayOf(object({ taxRateId: id, name: text(80, 1), rateMilliPercent: milliPercent }), 5),
  discount: nullable(discountRxSchema),
  refundOfLineId: nullable(id),
});

const taxSummaryRxSchema = object({
  taxRateId: id,
  name: text(),
  rateMilliPercent: milliPercent,
  base: minor,
  amount: minor,
});

const saleTotalsRxSchema = object({
  subtotal: minor,
  discountTotal: minor,
  taxTotal: minor,
  total: minor,
  taxes: arrayOf(taxSummaryRxSchema),
  cashRounding: minor,
  due: minor,
  paid: minor,
  change: nonNegativeMinor,
});

const paymentRxSchema = object({
  id,
  method: oneOf(['cash', 'card']),
  amount: nonNegativeMinor,
  tendered: nullable(nonNegativeMinor),
  reference: nullable(text(120)),
});

const saleServerInfoRxSchema = object({
  receivedAt: isoInstant,
  businessDay: text(10),
  status: oneOf(['accepted', 'flagged', 'quarantined']),
  issues: arrayOf(object({ code: text(), message: text() })),
  totals: saleTotalsRxSchema,
});

/** Indexed by device and time (history, newest first) and by device and counter (receipts). */
export const saleRxSchema = collectionSchema<RxDoc<'sales'>>(
  'sale',
  {
    ...replicatedProperties,
    kind: oneOf(['sale', 'refund']),
    refundOfSaleId: nullable(id),
    receiptNumber: text(40, 1),
    deviceSeq: int(1, Number.MAX_SAFE_INTEGER),
    storeId: id,
    deviceId: id,
    cashierId: id,
    cashierName: text(120),
    shiftId: nullable(id),
    customerId: nullable(id),
    approvedBy: nullable(id),
    receiptEmail: nullable(text(254)),
    pricing: pricingRulesRxSchema,
    lines: arrayOf(saleLineRxSchema, 500, 1),
    cartDiscount: nullable(discountRxSchema),
    totals: saleTotalsRxSchema,
    payments: arrayOf(paymentRxSchema, 20, 1),
    createdAt: isoInstant,
    server: saleServerInfoRxSchema,
  },
  {
    optional: ['server', 'approvedBy', 'receiptEmail'],
    indexes: [
      ['deviceId', 'createdAt'],
      ['deviceId', 'deviceSeq'],
    ],
  },
);

/** Indexed by store: the till only sums its own store's ledger. */
export const stockMovementRxSchema = collectionSchema<RxDoc<'stock_movements'>>(
  'stock movement',
  {
    ...replicatedProperties,
    productId: id,
    storeId: id,
    quantity: int(-100_000_000, 100_000_000),
    reason: oneOf(['sale', 'refund', 'receive', 'adjustment', 'count']),
    saleId: nullable(id),
    createdBy: id,
    createdAt: isoInstant,
  },
  { indexes: [['storeId']] },
);
