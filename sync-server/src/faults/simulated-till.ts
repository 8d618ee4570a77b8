import type { RejectedDocument, Sale } from '@pos/shared';

import { randomCounterStart, sellOne, type Seller } from './till-seller.ts';
import type { TokenSource } from './token-source.ts';

export interface SimulatedTillOptions {
  seller: Seller;
  /** Read before every attempt, so a test can move the till to another address. */
  baseUrl: () => string;
  tokens: TokenSource;
  /** The real till pushes at most 20 documents per request. */
  batchSize?: number;
  requestTimeoutMs?: number;
  firstBackoffMs?: number;
  maxBackoffMs?: number;
}

/** What one push attempt came to; `status` is undefined when no HTTP answer arrived. */
export interface PushAttempt {
  ids: string[];
  status: number | undefined;
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * A till in Node speaking the real replication protocol: sales wait in a queue until a push
 * that carries them is answered with 200, exactly like RxDB's push queue. A failed attempt
 * (no answer, a timeout, any non-2xx) keeps every document of the batch and retries the same
 * documents after a growing pause; a 401 also drops the token so the next attempt signs in
 * again. A sale the server answers as a conflict carries the master back: it is stored, so it
 * is acknowledged too.
 */
export class SimulatedTill {
  readonly sold: Sale[] = [];
  readonly acknowledged = new Set<string>();
  readonly rejected: RejectedDocument[] = [];
  readonly attempts: PushAttempt[] = [];
  /** Runs after every attempt, before the next one starts: a test cuts a line here. */
  onAttempt: (attempt: PushAttempt, till: SimulatedTill) => void = () => undefined;

  private readonly waitingSales: Sale[] = [];
  private nextSeq = randomCounterStart();
  private failuresInARow = 0;
  private pushing: Promise<void> | undefined;
  private selling: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly options: Required<SimulatedTillOptions>;

  constructor(options: SimulatedTillOptions) {
    this.options = {
      batchSize: 20,
      requestTimeoutMs: 5_000,
      firstBackoffMs: 100,
      maxBackoffMs: 2_000,
      ...options,
    };
  }

  get tenantId(): string {
    return this.options.seller.tenantId;
  }

  /** Sales rung up but not yet acknowledged by the server, oldest first. */
  get waiting(): readonly Sale[] {
    return this.waitingSales;
  }

  /** Rings up `count` sales at once, as if the till had been offline while selling. */
  sell(count: number): Sale[] {
    const sales = Array.from({ length: count }, () => sellOne(this.options.seller, this.nextSeq++));
    this.sold.push(...sales);
    this.waitingSales.push(...sales);
    return sales;
  }

  /** Rings up one sale every `intervalMs` until `stopSelling` or `max` sales. */
  sellEvery(intervalMs: number, max: number): void {
    const until = this.sold.length + max;
    this.selling = setInterval(() => {
      if (this.sold.length >= until) this.stopSelling();
      else this.sell(1);
    }, intervalMs);
  }

  stopSelling(): void {
    clearInterval(this.selling);
    this.selling = undefined;
  }

  /** Starts the push loop: it runs until `stop`, pushing whatever waits. */
  start(): void {
    this.stopped = false;
    this.pushing ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopSelling();
    this.stopped = true;
    await this.pushing;
    this.pushing = undefined;
  }

  /** Stops selling and waits until nothing is waiting; fails naming what is left. */
  async drain(timeoutMs: number): Promise<void> {
    this.stopSelling();
    this.start();
    const deadline = Date.now() + timeoutMs;
    while (this.waitingSales.length > 0) {
      if (Date.now() > deadline) {
        const last = this.attempts.at(-1);
        throw new Error(
          `${this.waitingSales.length} sales still waiting after ${timeoutMs} ms; last attempt: ` +
            `${last?.status ?? 'no answer'} ${last?.error ?? ''}`,
        );
      }
      await sleep(50);
    }
  }

  /** Counts the attempts that got no 2xx, by status (`network` when nothing answered). */
  failures(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const attempt of this.attempts) {
      if (attempt.ok) continue;
      const key = attempt.status === undefined ? 'network' : String(attempt.status);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.waitingSales.length === 0) {
        await sleep(20);
        continue;
      }
      const attempt = await this.pushOnce();
      this.onAttempt(attempt, this);
      if (attempt.ok) {
        this.failuresInARow = 0;
      } else {
        this.failuresInARow += 1;
        await sleep(this.backoffMs());
      }
    }
  }

  private backoffMs(): number {
    const { firstBackoffMs, maxBackoffMs } = this.options;
    return Math.min(maxBackoffMs, firstBackoffMs * 2 ** (this.failuresInARow - 1));
  }

  /** One request carrying the oldest waiting sales; the queue changes only on a 200. */
  private async pushOnce(): Promise<PushAttempt> {
    const batch = this.waitingSales.slice(0, this.options.batchSize);
    const ids = batch.map((sale) => sale.id);
    const started = performance.now();
    const attempt = (status: number | undefined, error?: string): PushAttempt => {
      const latencyMs = performance.now() - started;
      const ok = status !== undefined && status >= 200 && status < 300;
      const result: PushAttempt = { ids, status, ok, latencyMs };
      if (error !== undefined) result.error = error;
      this.attempts.push(result);
      return result;
    };

    let token: string;
    try {
      token = await this.options.tokens.get();
    } catch (error) {
      return attempt(undefined, `sign-in failed: ${messageOf(error)}`);
    }

    let response: Response;
    let body: unknown;
    try {
      response = await fetch(`${this.options.baseUrl()}/api/sync/sales/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          rows: batch.map((sale) => ({ assumedMasterState: null, newDocumentState: sale })),
        }),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      body = await response.json().catch(() => undefined);
    } catch (error) {
      return attempt(undefined, messageOf(error));
    }

    if (response.status === 401) this.options.tokens.forget();
    if (!response.ok) return attempt(response.status, JSON.stringify(body));

    const answer = body as { conflicts: unknown[]; rejected: RejectedDocument[] };
    this.rejected.push(...answer.rejected);
    for (const id of ids) this.acknowledged.add(id);
    this.waitingSales.splice(0, batch.length);
    return attempt(response.status);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
