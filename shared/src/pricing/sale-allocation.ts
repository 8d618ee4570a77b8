import type { Sale } from '../documents/sale.ts';
import { allocateByWeights } from './allocate.ts';
import { priceSale } from './price-sale.ts';
import { settle } from './settlement.ts';

export interface LineTaxShare {
  readonly groupKey: string;
  readonly taxRateId: string;
  readonly name: string;
  readonly rateMilliPercent: number;
  readonly base: bigint;
  readonly amount: bigint;
}

/** One line's exact integer share of every figure of its sale. */
export interface LineAllocation {
  readonly lineId: string;
  readonly quantity: bigint;
  readonly discount: bigint;
  readonly taxes: readonly LineTaxShare[];
  /** The line's part of the sale total, before cash rounding. */
  readonly total: bigint;
  /** The line's part of what the customer paid, cash rounding included. */
  readonly paid: bigint;
}

export interface SaleAllocation {
  readonly lines: readonly LineAllocation[];
  readonly due: bigint;
}

/**
 * Splits a finished sale over its lines so that, per figure, the lines add up exactly to the
 * sale's totals. Refunds give back these shares, so a fully refunded sale returns exactly
 * what was paid.
 */
export function allocateSale(
  sale: Pick<Sale, 'lines' | 'cartDiscount' | 'pricing' | 'payments'>,
): SaleAllocation {
  const priced = priceSale(sale.lines, sale.cartDiscount, sale.pricing);

  const taxesPerLine = priced.lines.map((): LineTaxShare[] => []);
  for (const group of priced.taxGroups) {
    for (const share of group.shares) {
      taxesPerLine[share.lineIndex]?.push({
        groupKey: group.key,
        taxRateId: group.taxRateId,
        name: group.name,
        rateMilliPercent: group.rateMilliPercent,
        base: share.base,
        amount: share.amount,
      });
    }
  }

  const totals = priced.lines.map((line, i) => {
    const tax = (taxesPerLine[i] ?? []).reduce((sum, t) => sum + t.amount, 0n);
    return sale.pricing.pricesIncludeTax ? line.net : line.net + tax;
  });

  // Cash rounding belongs to the whole tender, so each line carries its pro rata part of it.
  const settlement = settle(Number(priced.total), sale.payments, sale.pricing.cashRounding);
  const roundingShares = allocateByWeights(BigInt(settlement.cashRounding), totals);

  return {
    lines: priced.lines.map((line, i) => ({
      lineId: line.line.lineId,
      quantity: BigInt(line.line.quantity),
      discount: line.lineDiscount + line.cartDiscount,
      taxes: taxesPerLine[i] ?? [],
      total: totals[i] ?? 0n,
      paid: (totals[i] ?? 0n) + (roundingShares[i] ?? 0n),
    })),
    due: BigInt(settlement.due),
  };
}
