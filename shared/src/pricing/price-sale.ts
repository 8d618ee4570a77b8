import type { PricingRules } from '../documents/organisation.ts';
import type { Discount, LineTax, SaleLine } from '../documents/sale.ts';
import { allocateByRationals, allocateByWeights } from './allocate.ts';
import { rational, sumRationals, type Rational } from './rational.ts';
import { roundHalfAwayFromZero } from './rounding.ts';

const HUNDRED_PERCENT = 100_000n;
const PIECE = 1000n;

/** One tax rate on one line, exact before rounding. */
export interface LineTaxAmount {
  readonly groupKey: string;
  readonly tax: LineTax;
  readonly exact: Rational;
}

export interface PricedLine {
  readonly line: SaleLine;
  readonly gross: bigint;
  readonly lineDiscount: bigint;
  readonly cartDiscount: bigint;
  /** gross minus both discounts: what the line is sold for, as priced. */
  readonly net: bigint;
  readonly taxes: readonly LineTaxAmount[];
}

/** Everything taxed at one rate, with the rounded amount and its exact split per line. */
export interface TaxGroup {
  readonly key: string;
  readonly taxRateId: string;
  readonly name: string;
  readonly rateMilliPercent: number;
  readonly base: bigint;
  readonly amount: bigint;
  /** Indexes into PricedSale.lines, with each line's share of base and amount. */
  readonly shares: readonly { lineIndex: number; base: bigint; amount: bigint }[];
}

export interface PricedSale {
  readonly lines: readonly PricedLine[];
  readonly taxGroups: readonly TaxGroup[];
  readonly subtotal: bigint;
  readonly discountTotal: bigint;
  readonly taxTotal: bigint;
  readonly total: bigint;
}

/** unitPrice * quantity / 1000, rounded half away from zero: what the line costs before discounts. */
export function lineGross(line: Pick<SaleLine, 'unitPrice' | 'quantity'>): number {
  return Number(roundHalfAwayFromZero(BigInt(line.unitPrice) * BigInt(line.quantity), PIECE));
}

/** A discount's amount on a base, never more than the base itself. */
export function discountAmount(discount: Discount | null, base: bigint): bigint {
  if (!discount || base <= 0n) {
    return 0n;
  }

  const raw =
    discount.type === 'percent'
      ? roundHalfAwayFromZero(base * BigInt(discount.value), HUNDRED_PERCENT)
      : BigInt(discount.value);
  return raw > base ? base : raw;
}

function taxKey(tax: LineTax): string {
  return `${tax.taxRateId}|${String(tax.rateMilliPercent)}`;
}

/** Exact taxes of one line: on the net (prices excl. tax) or carved out of it (incl. tax). */
function lineTaxes(net: bigint, taxes: readonly LineTax[], pricesIncludeTax: boolean) {
  const rateSum = taxes.reduce((sum, t) => sum + BigInt(t.rateMilliPercent), 0n);
  const denominator = pricesIncludeTax ? HUNDRED_PERCENT + rateSum : HUNDRED_PERCENT;

  return taxes.map((tax): LineTaxAmount => ({
    groupKey: taxKey(tax),
    tax,
    exact: rational(net * BigInt(tax.rateMilliPercent), denominator),
  }));
}

function priceLines(
  lines: readonly SaleLine[],
  cartDiscount: Discount | null,
  pricing: PricingRules,
) {
  const grosses = lines.map((line) => BigInt(lineGross(line)));
  const lineDiscounts = lines.map((line, i) => discountAmount(line.discount, grosses[i] ?? 0n));
  const afterLine = grosses.map((gross, i) => gross - (lineDiscounts[i] ?? 0n));

  // The cart discount is spread pro rata over what each line still costs, to the cent.
  const cartTotal = discountAmount(
    cartDiscount,
    afterLine.reduce((sum, n) => sum + n, 0n),
  );
  const cartShares = allocateByWeights(cartTotal, afterLine);

  return lines.map((line, i): PricedLine => {
    const net = (afterLine[i] ?? 0n) - (cartShares[i] ?? 0n);
    return {
      line,
      gross: grosses[i] ?? 0n,
      lineDiscount: lineDiscounts[i] ?? 0n,
      cartDiscount: cartShares[i] ?? 0n,
      net,
      taxes: lineTaxes(net, line.taxes, pricing.pricesIncludeTax),
    };
  });
}

function roundedLineTaxTotal(priced: PricedLine): bigint {
  return priced.taxes.reduce((sum, t) => sum + roundHalfAwayFromZero(t.exact.n, t.exact.d), 0n);
}

function exactLineTaxTotal(priced: PricedLine): Rational {
  return sumRationals(priced.taxes.map((t) => t.exact));
}

/**
 * Rounds one rate's taxes: per line ('line'), or once on the exact sum ('total') with the
 * rounded amount split back over the lines so refunds can give back each line's part.
 */
function taxGroup(
  key: string,
  members: readonly { lineIndex: number; priced: PricedLine; tax: LineTaxAmount }[],
  pricing: PricingRules,
): TaxGroup {
  const first = members[0];
  if (!first) {
    throw new Error('A tax group needs at least one line');
  }

  const perLine = pricing.taxRounding === 'line';
  const amounts = perLine
    ? members.map((m) => roundHalfAwayFromZero(m.tax.exact.n, m.tax.exact.d))
    : (() => {
        const exactSum = sumRationals(members.map((m) => m.tax.exact));
        const rounded = roundHalfAwayFromZero(exactSum.n, exactSum.d);
        return allocateByRationals(
          rounded,
          members.map((m) => m.tax.exact),
        );
      })();

  // Base is net of tax: the net itself when prices exclude tax, else net minus all its taxes.
  const nets = members.map((m) => m.priced.net);
  const bases = !pricing.pricesIncludeTax
    ? nets
    : perLine
      ? members.map((m) => m.priced.net - roundedLineTaxTotal(m.priced))
      : (() => {
          const exactTaxes = sumRationals(members.map((m) => exactLineTaxTotal(m.priced)));
          const netSum = nets.reduce((sum, n) => sum + n, 0n);
          return allocateByWeights(
            netSum - roundHalfAwayFromZero(exactTaxes.n, exactTaxes.d),
            nets,
          );
        })();

  return {
    key,
    taxRateId: first.tax.tax.taxRateId,
    name: first.tax.tax.name,
    rateMilliPercent: first.tax.tax.rateMilliPercent,
    base: bases.reduce((sum, b) => sum + b, 0n),
    amount: amounts.reduce((sum, a) => sum + a, 0n),
    shares: members.map((m, i) => ({
      lineIndex: m.lineIndex,
      base: bases[i] ?? 0n,
      amount: amounts[i] ?? 0n,
    })),
  };
}

function groupTaxes(lines: readonly PricedLine[], pricing: PricingRules): TaxGroup[] {
  const members = new Map<
    string,
    { lineIndex: number; priced: PricedLine; tax: LineTaxAmount }[]
  >();
  lines.forEach((priced, lineIndex) => {
    for (const tax of priced.taxes) {
      const list = members.get(tax.groupKey) ?? [];
      list.push({ lineIndex, priced, tax });
      members.set(tax.groupKey, list);
    }
  });

  const groups = [...members].map(([key, list]) => taxGroup(key, list, pricing));
  return groups.sort((a, b) =>
    a.taxRateId === b.taxRateId
      ? a.rateMilliPercent - b.rateMilliPercent
      : a.taxRateId < b.taxRateId
        ? -1
        : 1,
  );
}

/** Prices a cart exactly: the per-line detail behind computeSaleTotals and refunds. */
export function priceSale(
  lines: readonly SaleLine[],
  cartDiscount: Discount | null,
  pricing: PricingRules,
): PricedSale {
  const priced = priceLines(lines, cartDiscount, pricing);
  const taxGroups = groupTaxes(priced, pricing);

  const subtotal = priced.reduce((sum, l) => sum + l.gross, 0n);
  const discountTotal = priced.reduce((sum, l) => sum + l.lineDiscount + l.cartDiscount, 0n);
  const netTotal = priced.reduce((sum, l) => sum + l.net, 0n);
  const taxTotal = taxGroups.reduce((sum, g) => sum + g.amount, 0n);

  return {
    lines: priced,
    taxGroups,
    subtotal,
    discountTotal,
    taxTotal,
    total: pricing.pricesIncludeTax ? netTotal : netTotal + taxTotal,
  };
}
