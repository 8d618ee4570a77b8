import {
  arrayOf,
  bool,
  id,
  int,
  milliPercent,
  nonNegativeMinor,
  nullable,
  oneOf,
  replicatedProperties,
  text,
} from './json-schema-parts.ts';
import { collectionSchema, type RxDoc } from './collection-schema.ts';

export const taxRateRxSchema = collectionSchema<RxDoc<'tax_rates'>>('tax rate', {
  ...replicatedProperties,
  name: text(80, 1),
  rateMilliPercent: milliPercent,
});

export const categoryRxSchema = collectionSchema<RxDoc<'categories'>>('category', {
  ...replicatedProperties,
  name: text(80, 1),
  color: text(16),
  sortOrder: int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
});

export const productRxSchema = collectionSchema<RxDoc<'products'>>('product', {
  ...replicatedProperties,
  sku: text(64, 1),
  name: text(200, 1),
  categoryId: nullable(id),
  barcodes: arrayOf(text(64, 1), 20),
  price: nonNegativeMinor,
  taxRateIds: arrayOf(id, 5),
  soldBy: oneOf(['each', 'weight']),
  active: bool,
});
