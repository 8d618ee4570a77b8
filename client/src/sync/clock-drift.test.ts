import { describe, expect, it } from 'vitest';

import { ClockDrift, driftWarning, observingFetch } from './clock-drift.ts';

const SERVER_NOW = Date.parse('2026-03-10T12:00:00Z');
const DAY = 86_400_000;

/** A server whose `Date` header says SERVER_NOW, reached by a till whose clock reads `local`. */
function tillAt(local: number) {
  let clock = local;
  const drift = new ClockDrift();
  const fetch = observingFetch(
    drift,
    () => {
      clock += 80; // the round trip
      return Promise.resolve(
        new Response('{}', { headers: { Date: new Date(SERVER_NOW).toUTCString() } }),
      );
    },
    () => clock,
  );
  return { drift, fetch };
}

describe('ClockDrift', () => {
  it('warns that a till three days behind is behind, in days', async () => {
    const { drift, fetch } = tillAt(SERVER_NOW - 3 * DAY);

    await fetch('/api/sync/sales/pull');

    expect(drift.driftMs()).toBeLessThan(-3 * DAY + 2_000);
    expect(driftWarning(drift.driftMs())).toBe(
      "This till's clock is 3 days behind the server. Sales are stamped with the till’s time: " +
        'set the correct date and time on this device.',
    );
  });

  it('warns of a clock ahead in minutes, and not of one a few seconds off', async () => {
    const ahead = tillAt(SERVER_NOW + 7 * 60_000);
    await ahead.fetch('/api/me');
    expect(driftWarning(ahead.drift.driftMs())).toContain('7 minutes ahead of the server');

    const close = tillAt(SERVER_NOW + 20_000);
    await close.fetch('/api/me');
    expect(close.drift.driftMs()).toBeGreaterThan(15_000);
    expect(driftWarning(close.drift.driftMs())).toBeNull();
  });

  it('says nothing before any response, nor for a response without a Date', async () => {
    const drift = new ClockDrift();
    expect(driftWarning(drift.driftMs())).toBeNull();

    await observingFetch(drift, () => Promise.resolve(new Response('')))('/x');
    drift.observe('not a date', 0, 0);
    expect(drift.driftMs()).toBeNull();
  });

  it('tells listeners when the clock is corrected', () => {
    const drift = new ClockDrift();
    const seen: (number | null)[] = [];
    drift.subscribe((ms) => seen.push(ms));
    const header = new Date(SERVER_NOW).toUTCString();

    drift.observe(header, SERVER_NOW - DAY, SERVER_NOW - DAY);
    drift.observe(header, SERVER_NOW - DAY + 100, SERVER_NOW - DAY + 100);
    drift.observe(header, SERVER_NOW, SERVER_NOW);

    expect(seen).toHaveLength(2);
    expect(driftWarning(seen[1] ?? null)).toBeNull();
  });
});
