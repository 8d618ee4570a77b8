import fc from 'fast-check';

import type { PricingRules } from '../documents/organisation.ts';
import type { Discount, LineTax, SaleLine } from '../documents/sale.ts';

/** fast-check generators for property tests of the pricing rules; test support only. */

const RATES: LineTax[] = [
  { taxRateId: 'gst', name: 'GST', rateMilliPercent: 5000 },
  { taxRateId: 'pst', name: 'PST', rateMilliPercent: 7000 },
  { taxRateId: 'qst', name: 'QST', rateMilliPercent: 9975 },
  { taxRateId: 'zero', name: 'Zero', rateMilliPercent: 0 },
];

export const discountArb: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    type: fc.constant('percent' as const),
    value: fc.integer({ min: 0, max: 120_000 }),
    reason: fc.constant(''),
    approvedBy: fc.constant(null),
  }),
  fc.record({
    type: fc.constant('amount' as const),
    value: fc.integer({ min: 0, max: 50_000 }),
    reason: fc.constant(''),
    approvedBy: fc.constant(null),
  }),
);

export const pricingArb: fc.Arbitrary<PricingRules> = fc.record({
  currency: fc.constant('CAD'),
  pricesIncludeTax: fc.boolean(),
  taxRounding: fc.constantFrom('line' as const, 'total' as const),
  cashRounding: fc.record({
    increment: fc.constantFrom(1, 5, 10, 25),
    mode: fc.constantFrom('nearest' as const, 'down' as const, 'up' as const),
  }),
});

export const linesArb: fc.Arbitrary<SaleLine[]> = fc
  .array(
    fc.record({
      unitPrice: fc.integer({ min: 0, max: 200_000 }),
      quantity: fc.oneof(
        fc.integer({ min: 1, max: 5 }).map((n) => n * 1000),
        fc.integer({ min: 1, max: 20_000 }),
      ),
      taxes: fc.subarray(RATES),
      discount: discountArb,
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) =>
    specs.map((spec, i): SaleLine => ({
      lineId: `l${String(i)}`,
      productId: `p${String(i % 4)}`,
      sku: '',
      name: `Item ${String(i)}`,
      refundOfLineId: null,
      ...spec,
    })),
  );
