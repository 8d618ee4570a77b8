/** Past this, the till's clock is far enough off to mislabel sales, shifts and receipts. */
export const DRIFT_WARNING_MS = 5 * 60_000;

type Listener = (driftMs: number | null) => void;

/**
 * How far this device's clock is from the server's, read from the `Date` header every HTTP
 * response carries (Hono on Node always sends it, and the gateway passes it on). The header has
 * one-second resolution and the answer spends time in flight, so the server's time is taken as
 * the middle of the request and differences under a few seconds mean nothing here.
 */
export class ClockDrift {
  private drift: number | null = null;
  private readonly listeners = new Set<Listener>();

  /** Local minus server, in ms: positive when the till is ahead; null until a response came. */
  driftMs(): number | null {
    return this.drift;
  }

  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    if (dateHeader === null) return;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return;

    // The header is truncated to the second: its middle is half a second later.
    const drift = Math.round((sentAt + receivedAt) / 2 - (server + 500));
    if (this.drift !== null && Math.abs(this.drift - drift) < 2_000) return;
    this.drift = drift;
    this.listeners.forEach((listener) => listener(drift));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** fetch that reports every response's `Date` to `drift`, timed by the till's own clock. */
export function observingFetch(
  drift: ClockDrift,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
  now: () => number = () => Date.now(),
): typeof fetch {
  return async (input, init) => {
    const sentAt = now();
    const response = await fetchImpl(input, init);
    drift.observe(response.headers.get('Date'), sentAt, now());
    return response;
  };
}

const UNITS: [ms: number, one: string, many: string][] = [
  [86_400_000, 'day', 'days'],
  [3_600_000, 'hour', 'hours'],
  [60_000, 'minute', 'minutes'],
];

function amount(ms: number): string {
  // To the nearest minute first: the measurement is only good to about a second.
  const minutes = Math.round(ms / 60_000) * 60_000;
  for (const [size, one, many] of UNITS) {
    const count = Math.floor(minutes / size);
    if (count >= 1) return `${count} ${count === 1 ? one : many}`;
  }
  return 'less than a minute';
}

/** The warning for the top bar, or null while the clock is close enough (or not known yet). */
export function driftWarning(driftMs: number | null): string | null {
  if (driftMs === null || Math.abs(driftMs) < DRIFT_WARNING_MS) return null;
  const direction = driftMs < 0 ? 'behind' : 'ahead of';
  return (
    `This till's clock is ${amount(Math.abs(driftMs))} ${direction} the server. ` +
    'Sales are stamped with the till’s time: set the correct date and time on this device.'
  );
}
