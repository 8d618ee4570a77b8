import { discountSchema, idSchema, isoInstantSchema, quantitySchema } from '@pos/shared';
import { z } from 'zod';

import type { ParkedCart } from '../till-api.ts';
import { collectionSchema } from './collection-schema.ts';
import { arrayOf, id, isoInstant, nullable, object, text } from './json-schema-parts.ts';
import { discountRxSchema } from './sale-rx-schemas.ts';

/** Parked carts stay on this till: a local collection, never replicated. */
export const parkedCartSchema = z
  .object({
    id: idSchema,
    cart: z
      .object({
        id: idSchema,
        lines: z
          .array(
            z
              .object({
                lineId: idSchema,
                productId: idSchema,
                quantity: quantitySchema,
                discount: discountSchema.nullable(),
              })
              .strict(),
          )
          .max(500),
        cartDiscount: discountSchema.nullable(),
        customerId: idSchema.nullable(),
      })
      .strict(),
    note: z.string().max(200),
    parkedAt: isoInstantSchema,
  })
  .strict() satisfies z.ZodType<ParkedCart>;

export const parkedCartRxSchema = collectionSchema<ParkedCart>('parked cart', {
  id,
  cart: object({
    id,
    lines: arrayOf(
      object({
        lineId: id,
        productId: id,
        quantity: { type: 'integer', minimum: 1, maximum: 100_000_000 },
        discount: nullable(discountRxSchema),
      }),
      500,
    ),
    cartDiscount: nullable(discountRxSchema),
    customerId: nullable(id),
  }),
  note: text(200),
  parkedAt: isoInstant,
});
