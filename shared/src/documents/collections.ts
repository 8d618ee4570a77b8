import type { z } from 'zod';

import { categorySchema, productSchema, taxRateSchema } from './catalog.ts';
import {
  cashMovementSchema,
  customerSchema,
  deviceSchema,
  shiftSchema,
  staffSchema,
  storeSchema,
} from './organisation.ts';
import { saleSchema, stockMovementSchema } from './sale.ts';

/**
 * Every replicated collection, with who may write it from a till. The till opens these plus
 * one local collection, staying under RxDB's limit of 13 collections per page.
 */
export const collections = {
  products: { schema: productSchema, tillWrites: false },
  categories: { schema: categorySchema, tillWrites: false },
  tax_rates: { schema: taxRateSchema, tillWrites: false },
  stores: { schema: storeSchema, tillWrites: false },
  devices: { schema: deviceSchema, tillWrites: false },
  staff: { schema: staffSchema, tillWrites: false },
  customers: { schema: customerSchema, tillWrites: true },
  sales: { schema: saleSchema, tillWrites: true },
  // The server derives a sale's movements itself; only back-office users push others.
  stock_movements: { schema: stockMovementSchema, tillWrites: false },
  shifts: { schema: shiftSchema, tillWrites: true },
  cash_movements: { schema: cashMovementSchema, tillWrites: true },
} as const satisfies Record<string, { schema: z.ZodType; tillWrites: boolean }>;

export type CollectionName = keyof typeof collections;

export const collectionNames = Object.keys(collections) as CollectionName[];

export type DocumentOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collections, name);
}
