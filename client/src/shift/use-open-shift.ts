import type { Shift } from '@pos/shared';
import { useEffect, useState } from 'react';

import type { ShiftApi } from '../data/till-api.ts';

/** This device's open shift: undefined while loading, null when none is open. */
export function useOpenShift(shifts: ShiftApi): Shift | null | undefined {
  const [shift, setShift] = useState<Shift | null | undefined>(undefined);

  useEffect(() => shifts.subscribe(setShift), [shifts]);

  return shift;
}
