import { z } from 'zod';

/** Ids are made by whoever creates the document (the till for sales), never by a database. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'ids use letters, digits and . _ : - only');

/** ISO-8601 instant as written by `Date.prototype.toISOString()`. */
export const isoInstantSchema = z.iso.datetime({ offset: true });

/** An amount of money in integer minor units (cents). Never a float. */
export const minorSchema = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00);

export const nonNegativeMinorSchema = minorSchema.min(0);

/**
 * Quantities are integers in thousandths so weighed goods (1.234 kg) stay exact:
 * one piece is 1000.
 */
export const quantitySchema = z.number().int().min(1).max(100_000_000);

/** A percentage in thousandths of a percent: 7.5 % is 7500, 100 % is 100000. */
export const milliPercentSchema = z.number().int().min(0).max(100_000);

export const currencySchema = z.string().regex(/^[A-Z]{3}$/);

/** Fields every replicated document carries for RxDB's replication protocol. */
export const replicatedFields = {
  id: idSchema,
  updatedAt: isoInstantSchema,
  _deleted: z.boolean(),
};

export const roleSchema = z.enum(['cashier', 'manager', 'owner']);
export type Role = z.infer<typeof roleSchema>;
