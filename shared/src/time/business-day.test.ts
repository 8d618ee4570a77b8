import { describe, expect, it } from 'vitest';

import {
  businessDay,
  clockDriftMs,
  DRIFT_WARNING_MS,
  hasClockDriftWarning,
} from './business-day.ts';

describe('businessDay', () => {
  it("gives the store's calendar day, not UTC's", () => {
    expect(businessDay('2024-03-10T04:59:00Z', 'America/Toronto')).toBe('2024-03-09');
    expect(businessDay('2024-03-10T05:00:00Z', 'America/Toronto')).toBe('2024-03-10');
    expect(businessDay(new Date('2024-12-31T15:30:00Z'), 'Asia/Tokyo')).toBe('2025-01-01');
    expect(businessDay('2024-06-01T00:00:00+02:00', 'UTC')).toBe('2024-05-31');
  });

  it('refuses invalid instants and zones', () => {
    expect(() => businessDay('not a date', 'UTC')).toThrow(RangeError);
    expect(() => businessDay('2024-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('clock drift', () => {
  it('is positive when the device runs ahead', () => {
    expect(clockDriftMs('2024-01-01T00:06:00Z', new Date('2024-01-01T00:00:00Z'))).toBe(360_000);
    expect(clockDriftMs(0, 1000)).toBe(-1000);
  });

  it('warns beyond five minutes either way', () => {
    expect(DRIFT_WARNING_MS).toBe(300_000);
    expect(hasClockDriftWarning(300_000)).toBe(false);
    expect(hasClockDriftWarning(300_001)).toBe(true);
    expect(hasClockDriftWarning(-300_001)).toBe(true);
  });
});
