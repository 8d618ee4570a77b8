import { z } from 'zod';

import {
  idSchema,
  isoInstantSchema,
  milliPercentSchema,
  minorSchema,
  nonNegativeMinorSchema,
  quantitySchema,
  replicatedFields,
} from './common.ts';
import { pricingRulesSchema } from './organisation.ts';

export const discountSchema = z
  .object({
    type: z.enum(['percent', 'amount']),
    /** milli-percent for `percent` (10 % = 10000), minor units for `amount`. */
    value: z.number().int().min(0),
    reason: z.string().max(200),
    /** Staff id of the manager who approved a discount above the cashier's limit. */
    approvedBy: idSchema.nullable(),
  })
  .strict();
export type Discount = z.infer<typeof discountSchema>;

export const lineTaxSchema = z
  .object({
    taxRateId: idSchema,
    name: z.string().min(1).max(80),
    rateMilliPercent: milliPercentSchema,
  })
  .strict();
export type LineTax = z.infer<typeof lineTaxSchema>;

/**
 * A line's id within its sale (the till uses a UUID). No '.' or ':' so the stock movement id
 * built from sale id and line id (see saleStockMovementId) can never mean two different lines.
 */
export const lineIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'line ids use letters, digits, _ and - only');

export const saleLineSchema = z
  .object({
    lineId: lineIdSchema,
    productId: idSchema,
    sku: z.string().max(64),
    name: z.string().min(1).max(200),
    /** Thousandths: 1000 is one piece, 1234 is 1.234 kg. */
    quantity: quantitySchema,
    /** Price of one unit (or one kg) in minor units, as the store's pricing rules state it. */
    unitPrice: nonNegativeMinorSchema,
    taxes: z.array(lineTaxSchema).max(5),
    discount: discountSchema.nullable(),
    /** On a refund: the line of the original sale this line gives back. */
    refundOfLineId: idSchema.nullable(),
  })
  .strict();
export type SaleLine = z.infer<typeof saleLineSchema>;

export const taxSummarySchema = z
  .object({
    taxRateId: idSchema,
    name: z.string(),
    rateMilliPercent: milliPercentSchema,
    /** The amount the tax was computed on, net of tax. */
    base: minorSchema,
    amount: minorSchema,
  })
  .strict();
export type TaxSummary = z.infer<typeof taxSummarySchema>;

export const saleTotalsSchema = z
  .object({
    /** Sum of lines before any discount, as priced (tax included or not). */
    subtotal: minorSchema,
    discountTotal: minorSchema,
    taxTotal: minorSchema,
    /** What the customer owes before cash rounding. */
    total: minorSchema,
    taxes: z.array(taxSummarySchema),
    /** Signed adjustment from rounding the cash part to the store's cash step. */
    cashRounding: minorSchema,
    /** total + cashRounding: what the tenders settle. */
    due: minorSchema,
    paid: minorSchema,
    change: nonNegativeMinorSchema,
  })
  .strict();
export type SaleTotals = z.infer<typeof saleTotalsSchema>;

export const paymentSchema = z
  .object({
    id: idSchema,
    method: z.enum(['cash', 'card']),
    /** The part of the sale this tender settles, in minor units. */
    amount: nonNegativeMinorSchema,
    /** Cash handed over; `amount + change` for cash, null for card. */
    tendered: nonNegativeMinorSchema.nullable(),
    reference: z.string().max(120).nullable(),
  })
  .strict();
export type Payment = z.infer<typeof paymentSchema>;

/** Written by the server only; a till never sends it. */
export const saleServerInfoSchema = z
  .object({
    receivedAt: isoInstantSchema,
    /** The business day in the store's time zone, from the server's clock. */
    businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    status: z.enum(['accepted', 'flagged', 'quarantined']),
    issues: z.array(z.object({ code: z.string(), message: z.string() }).strict()),
    /** Totals as the server recomputed them from the lines; reports use these. */
    totals: saleTotalsSchema,
  })
  .strict();
export type SaleServerInfo = z.infer<typeof saleServerInfoSchema>;

export const saleSchema = z
  .object({
    ...replicatedFields,
    kind: z.enum(['sale', 'refund']),
    refundOfSaleId: idSchema.nullable(),
    receiptNumber: z.string().min(1).max(40),
    /** Per-device counter behind the receipt number; the server keeps it unique per device. */
    deviceSeq: z.number().int().min(1).max(2_147_483_647),
    storeId: idSchema,
    deviceId: idSchema,
    cashierId: idSchema,
    cashierName: z.string().max(120),
    shiftId: idSchema.nullable(),
    customerId: idSchema.nullable(),
    /** Manager who approved this document on the till (refunds, voids), by PIN if offline. */
    approvedBy: idSchema.nullable().optional(),
    /** Where to email the receipt; the server queues the email once the sale arrives. */
    receiptEmail: z.email().max(254).nullable().optional(),
    pricing: pricingRulesSchema,
    lines: z.array(saleLineSchema).min(1).max(500),
    cartDiscount: discountSchema.nullable(),
    totals: saleTotalsSchema,
    payments: z.array(paymentSchema).min(1).max(20),
    /** The device clock when the sale was finished; the server keeps its own time too. */
    createdAt: isoInstantSchema,
    server: saleServerInfoSchema.optional(),
  })
  .strict()
  // Each line becomes a stock movement keyed by its line id: a repeated one would collide.
  .refine((sale) => new Set(sale.lines.map((line) => line.lineId)).size === sale.lines.length, {
    message: 'line ids must be unique within a sale',
    path: ['lines'],
  });
export type Sale = z.infer<typeof saleSchema>;

export const stockMovementSchema = z
  .object({
    ...replicatedFields,
    productId: idSchema,
    storeId: idSchema,
    /** Signed thousandths: a sale of two pieces is -2000. */
    quantity: z.number().int().min(-100_000_000).max(100_000_000),
    reason: z.enum(['sale', 'refund', 'receive', 'adjustment', 'count']),
    saleId: idSchema.nullable(),
    createdBy: idSchema,
    createdAt: isoInstantSchema,
  })
  .strict();
export type StockMovement = z.infer<typeof stockMovementSchema>;
