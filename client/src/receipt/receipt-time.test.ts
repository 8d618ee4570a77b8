import { describe, expect, it } from 'vitest';

import { formatReceiptTime } from './receipt-time.ts';

describe('formatReceiptTime', () => {
  it('shows the time in the store time zone', () => {
    expect(formatReceiptTime('2024-07-01T16:05:09.000Z', 'America/Toronto')).toBe(
      '2024-07-01, 12:05:09',
    );
  });

  it('falls back to the device zone for an unknown zone', () => {
    expect(formatReceiptTime('2024-07-01T16:05:09.000Z', 'Not/AZone')).toMatch(/^2024-07-0\d/);
  });
});
