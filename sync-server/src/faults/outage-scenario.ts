import { waitFor } from '../testing/wait-for.ts';
import type { SimulatedTill } from './simulated-till.ts';
import { expectEverySaleStoredOnce, expectTillViewTrue } from './stored-sales.ts';

export interface Outage {
  stop(): Promise<void>;
  /** What must be seen while the service is down, e.g. the till's attempts failing. */
  whileDown(): Promise<void>;
  start(): Promise<void>;
}

const BEFORE_FAULT = 10;

/**
 * Sales flow, a service goes down and comes back while they do, and then the till must have
 * delivered every sale exactly once by itself. The till's view is checked at each step.
 */
export async function sellThroughOutage(
  till: SimulatedTill,
  databaseUrl: string,
  outage: Outage,
): Promise<void> {
  till.sellEvery(40, 150);
  till.start();
  await waitFor(
    `${BEFORE_FAULT} sales acknowledged before the fault`,
    () => till.acknowledged.size >= BEFORE_FAULT,
    20_000,
  );
  await expectTillViewTrue(databaseUrl, till);

  await outage.stop();
  await outage.whileDown();
  await expectTillViewTrue(databaseUrl, till);

  await outage.start();
  await till.drain(60_000);
  await expectEverySaleStoredOnce(databaseUrl, till);
}

/** True once `count` attempts made after `since` failed and `match` holds for one of them. */
export function failedSince(
  till: SimulatedTill,
  since: number,
  match: (status: number | undefined, error: string | undefined) => boolean = () => true,
): boolean {
  const later = till.attempts.slice(since).filter((attempt) => !attempt.ok);
  return later.some((attempt) => match(attempt.status, attempt.error));
}
