import { z } from 'zod';

import { variableMeasureRuleSchema } from '../barcode/variable-measure.ts';
import {
  currencySchema,
  idSchema,
  isoInstantSchema,
  milliPercentSchema,
  nonNegativeMinorSchema,
  replicatedFields,
  roleSchema,
} from './common.ts';

export const cashRoundingSchema = z
  .object({
    /** Smallest cash step in minor units: 5 rounds to 0.05. 1 means no cash rounding. */
    increment: z.number().int().min(1).max(100_00),
    mode: z.enum(['nearest', 'down', 'up']),
  })
  .strict();
export type CashRounding = z.infer<typeof cashRoundingSchema>;

/** The rules a sale is priced with; copied into every sale so it can be recomputed later. */
export const pricingRulesSchema = z
  .object({
    currency: currencySchema,
    pricesIncludeTax: z.boolean(),
    taxRounding: z.enum(['line', 'total']),
    cashRounding: cashRoundingSchema,
  })
  .strict();
export type PricingRules = z.infer<typeof pricingRulesSchema>;

export const storeSchema = z
  .object({
    ...replicatedFields,
    name: z.string().min(1).max(120),
    /** Short code printed in receipt numbers. */
    code: z.string().regex(/^[A-Z0-9]{1,6}$/),
    timezone: z.string().min(1).max(64),
    address: z.string().max(400),
    pricing: pricingRulesSchema,
    /** Largest discount each role may give without approval. */
    discountLimits: z.record(roleSchema, milliPercentSchema),
    receiptHeader: z.string().max(400),
    receiptFooter: z.string().max(400),
    /** How this store's scanners and scales encode codes; absent means plain GTINs only. */
    scanning: z
      .object({
        prefix: z.string().max(8),
        suffix: z.string().max(8),
        variableMeasure: z.array(variableMeasureRuleSchema).max(10),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Store = z.infer<typeof storeSchema>;

export const deviceSchema = z
  .object({
    ...replicatedFields,
    storeId: idSchema,
    /** Short code printed in receipt numbers; unique within the store. */
    code: z.string().regex(/^[A-Z0-9]{1,6}$/),
    name: z.string().min(1).max(120),
  })
  .strict();
export type Device = z.infer<typeof deviceSchema>;

export const staffSchema = z
  .object({
    ...replicatedFields,
    displayName: z.string().min(1).max(120),
    email: z.string().max(254),
    roles: z.array(roleSchema).min(1),
    storeIds: z.array(idSchema),
    /** PBKDF2-SHA256 hash of the unlock PIN, `pbkdf2$<iterations>$<salt b64>$<hash b64>`. */
    pinHash: z.string().max(300).nullable(),
  })
  .strict();
export type Staff = z.infer<typeof staffSchema>;

export const customerSchema = z
  .object({
    ...replicatedFields,
    name: z.string().min(1).max(200),
    email: z.string().max(254).nullable(),
    phone: z.string().max(40).nullable(),
    /** Set by the server when this record was merged into another one. */
    mergedInto: idSchema.nullable(),
    createdAt: isoInstantSchema,
  })
  .strict();
export type Customer = z.infer<typeof customerSchema>;

export const shiftSchema = z
  .object({
    ...replicatedFields,
    storeId: idSchema,
    deviceId: idSchema,
    status: z.enum(['open', 'closed']),
    openedBy: idSchema,
    openedAt: isoInstantSchema,
    openingFloat: nonNegativeMinorSchema,
    closedBy: idSchema.nullable(),
    closedAt: isoInstantSchema.nullable(),
    blindClose: z.boolean(),
    /** Counted cash by denomination in minor units, e.g. { "500": 3 } for three 5.00 notes. */
    countedByDenomination: z.record(z.string().regex(/^\d+$/), z.number().int().min(0)).nullable(),
    countedCash: nonNegativeMinorSchema.nullable(),
    expectedCash: z.number().int().nullable(),
  })
  .strict();
export type Shift = z.infer<typeof shiftSchema>;

export const cashMovementSchema = z
  .object({
    ...replicatedFields,
    shiftId: idSchema,
    storeId: idSchema,
    deviceId: idSchema,
    type: z.enum(['in', 'out']),
    amount: nonNegativeMinorSchema.min(1),
    reason: z.string().min(1).max(200),
    createdBy: idSchema,
    createdAt: isoInstantSchema,
  })
  .strict();
export type CashMovement = z.infer<typeof cashMovementSchema>;

export { milliPercentSchema };
