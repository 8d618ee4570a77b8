import { waitFor } from '../testing/wait-for.ts';
import { failedSince } from './outage-scenario.ts';
import type { SimulatedTill } from './simulated-till.ts';
import type { TokenSource } from './token-source.ts';

/**
 * What must hold while Keycloak cannot answer, however it went away: sales go on with the token
 * the till holds (the servers verify it with keys they already have), and a till that has to
 * sign in again (token expired, till restarted) is held back, retrying, rather than losing sales.
 */
export async function expectSellingWithoutKeycloak(
  till: SimulatedTill,
  tokens: TokenSource,
): Promise<void> {
  const before = till.acknowledged.size;
  await waitFor('10 more sales on the token already held', () => {
    return till.acknowledged.size >= before + 10;
  });

  tokens.forget();
  const since = till.attempts.length;
  await waitFor(
    'a push held back by a sign-in Keycloak cannot answer',
    () => failedSince(till, since, (_, error) => error?.startsWith('sign-in') === true),
    20_000,
  );
}
