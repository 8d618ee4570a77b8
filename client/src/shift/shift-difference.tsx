import { formatMoney, type Shift } from '@pos/shared';

interface ShiftDifferenceProps {
  shift: Shift;
  currency: string;
}

/** Counted − expected, shown big once a shift is closed: over, short or exact. */
export function ShiftDifference({ shift, currency }: ShiftDifferenceProps) {
  if (shift.countedCash === null || shift.expectedCash === null) return null;
  const difference = shift.countedCash - shift.expectedCash;
  const verdict = difference > 0 ? 'over' : difference < 0 ? 'short' : 'exact';

  return (
    <p className={`shift-difference shift-difference--${verdict}`}>
      Counted {formatMoney(shift.countedCash, currency)}, expected{' '}
      {formatMoney(shift.expectedCash, currency)}:{' '}
      <strong data-testid="shift-difference" data-minor={difference} data-verdict={verdict}>
        {verdict === 'exact'
          ? 'the drawer is exact'
          : `${formatMoney(Math.abs(difference), currency)} ${verdict}`}
      </strong>
    </p>
  );
}
