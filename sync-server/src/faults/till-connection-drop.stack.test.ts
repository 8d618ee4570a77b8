import { afterEach, describe, expect, it } from 'vitest';

import { requireEnv } from '../testing/require-env.ts';
import { waitFor } from '../testing/wait-for.ts';
import { startCuttableLine, type CuttableLine } from './cuttable-line.ts';
import { SimulatedTill } from './simulated-till.ts';
import { expectEverySaleStoredOnce, expectTillViewTrue, storedIds } from './stored-sales.ts';
import { DEMO_CASHIER } from './till-seller.ts';
import { keycloakTokens } from './token-source.ts';

const SUITE = 'till-connection-drop.stack.test.ts';
const DATABASE_URL = requireEnv('STACK_DATABASE_URL', SUITE);
const KEYCLOAK_URL = requireEnv('KEYCLOAK_URL', SUITE);
const SERVER_URL = requireEnv('SYNC_SERVER_URLS', SUITE).split(',')[0] ?? '';

const QUEUED = 20;
const BATCH = 5;

/**
 * Guards a till that loses its network while 20 sales wait to go up: the 5 acknowledged
 * before the cut are stored, the till counts exactly 15 as waiting, and once the line is back
 * every sale is stored exactly once, whatever happened to the request in flight.
 */
describe("the till's connection dropped after 5 of 20 waiting sales", () => {
  let line: CuttableLine | undefined;
  let till: SimulatedTill | undefined;

  afterEach(async () => {
    await till?.stop();
    await line?.close();
  });

  async function queuedTill(onFirstAnswer: (line: CuttableLine) => void) {
    const relay = await startCuttableLine(new URL(SERVER_URL));
    line = relay;
    const queued = new SimulatedTill({
      seller: DEMO_CASHIER,
      baseUrl: () => relay.url,
      tokens: keycloakTokens(KEYCLOAK_URL, DEMO_CASHIER.username, DEMO_CASHIER.password),
      batchSize: BATCH,
      maxBackoffMs: 500,
    });
    till = queued;
    queued.sell(QUEUED);
    let fired = false;
    queued.onAttempt = (attempt) => {
      if (!fired && attempt.ok) {
        fired = true;
        onFirstAnswer(relay);
      }
    };
    return { relay, queued };
  }

  it('before the next request: 15 wait, 5 are stored, then all 20 once', async () => {
    const { relay, queued } = await queuedTill((l) => l.cut());
    queued.start();
    await waitFor('three failed attempts on the cut line', () => failures(queued) >= 3);

    const first = queued.sold.slice(0, BATCH).map((sale) => sale.id);
    expect(queued.waiting).toHaveLength(QUEUED - BATCH);
    expect([...queued.acknowledged]).toEqual(first);
    expect(await storedIds(DATABASE_URL, queued.tenantId, queued.sold)).toEqual(new Set(first));
    await expectTillViewTrue(DATABASE_URL, queued);

    relay.open();
    await queued.drain(20_000);
    await expectEverySaleStoredOnce(DATABASE_URL, queued);
    expect(queued.sold).toHaveLength(QUEUED);
  });

  it('while the answer is on its way: stored but still waiting, then all 20 once', async () => {
    const { relay, queued } = await queuedTill((l) => l.loseAnswers());
    queued.start();
    await waitFor('three lost answers', () => failures(queued) >= 3);

    // The second batch reached the server every time; only its answers were lost.
    const reached = queued.sold.slice(0, 2 * BATCH).map((sale) => sale.id);
    expect(queued.waiting).toHaveLength(QUEUED - BATCH);
    expect(await storedIds(DATABASE_URL, queued.tenantId, queued.sold)).toEqual(new Set(reached));
    await expectTillViewTrue(DATABASE_URL, queued);

    relay.open();
    await queued.drain(20_000);
    await expectEverySaleStoredOnce(DATABASE_URL, queued);
  });
});

function failures(till: SimulatedTill): number {
  return till.attempts.filter((attempt) => !attempt.ok).length;
}
