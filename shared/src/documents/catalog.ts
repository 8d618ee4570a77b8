import { z } from 'zod';

import {
  idSchema,
  milliPercentSchema,
  nonNegativeMinorSchema,
  replicatedFields,
} from './common.ts';

export const taxRateSchema = z
  .object({
    ...replicatedFields,
    name: z.string().min(1).max(80),
    rateMilliPercent: milliPercentSchema,
  })
  .strict();
export type TaxRate = z.infer<typeof taxRateSchema>;

export const categorySchema = z
  .object({
    ...replicatedFields,
    name: z.string().min(1).max(80),
    color: z.string().max(16),
    sortOrder: z.number().int(),
  })
  .strict();
export type Category = z.infer<typeof categorySchema>;

export const productSchema = z
  .object({
    ...replicatedFields,
    sku: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    categoryId: idSchema.nullable(),
    /** Normalised GTINs (digits, leading zeros kept) or other scan codes. */
    barcodes: z.array(z.string().min(1).max(64)).max(20),
    /** Shelf price in minor units; tax included or not per the store's pricing rules. */
    price: nonNegativeMinorSchema,
    taxRateIds: z.array(idSchema).max(5),
    soldBy: z.enum(['each', 'weight']),
    active: z.boolean(),
  })
  .strict();
export type Product = z.infer<typeof productSchema>;
