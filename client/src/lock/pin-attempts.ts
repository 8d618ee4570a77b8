/** Wrong PINs in a row before the person has to wait. */
export const MAX_ATTEMPTS = 5;
export const WAIT_MS = 30_000;

/**
 * A 4-digit PIN is guessed in minutes without a brake; after a few wrong ones in a row the
 * person waits. Per page and per staff member: it slows guessing, it is no account lockout.
 */
export class PinAttempts {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Milliseconds until this person may try again; 0 when they may now. */
  waitFor(userId: string): number {
    const entry = this.failures.get(userId);
    return entry === undefined ? 0 : Math.max(0, entry.until - this.now());
  }

  failed(userId: string): void {
    const count = (this.failures.get(userId)?.count ?? 0) + 1;
    const until = count >= MAX_ATTEMPTS ? this.now() + WAIT_MS : 0;
    this.failures.set(userId, { count: count >= MAX_ATTEMPTS ? 0 : count, until });
  }

  succeeded(userId: string): void {
    this.failures.delete(userId);
  }
}
