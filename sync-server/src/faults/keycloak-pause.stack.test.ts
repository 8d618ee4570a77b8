import { afterAll, describe, expect, it } from 'vitest';

import { requireEnv } from '../testing/require-env.ts';
import { expectSellingWithoutKeycloak } from './keycloak-outage.ts';
import { sellThroughOutage } from './outage-scenario.ts';
import { SimulatedTill } from './simulated-till.ts';
import { listenerPid, processGroupOf } from './stack-services.ts';
import { DEMO_CASHIER } from './till-seller.ts';
import { keycloakTokens } from './token-source.ts';

const SUITE = 'keycloak-pause.stack.test.ts';
const DATABASE_URL = requireEnv('STACK_DATABASE_URL', SUITE);
const KEYCLOAK_URL = requireEnv('KEYCLOAK_URL', SUITE);
const SERVER_URL = requireEnv('SYNC_SERVER_URLS', SUITE).split(',')[0] ?? '';

/**
 * Guards sales against Keycloak going unresponsive. Keycloak's port is fixed by its issuer, so
 * this pauses the stack's own Keycloak (SIGSTOP to its process group, SIGCONT after) instead
 * of a restart that takes a minute: connections hang rather than being refused, the harder
 * case for a client. Tokens already issued keep working (the sync servers verify them with
 * the keys they hold); a till that must sign in again waits, retrying, until Keycloak answers.
 */
describe('Keycloak paused and resumed', () => {
  let group: number | undefined;
  const resume = () => {
    if (group !== undefined) process.kill(-group, 'SIGCONT');
    group = undefined;
  };

  // Whatever happens, the shared Keycloak runs again at the end.
  afterAll(resume);

  it('keeps taking sales on issued tokens, and a till signing in again recovers', async () => {
    const tokens = keycloakTokens(KEYCLOAK_URL, DEMO_CASHIER.username, DEMO_CASHIER.password);
    const till = new SimulatedTill({
      seller: DEMO_CASHIER,
      baseUrl: () => SERVER_URL,
      tokens,
      batchSize: 5,
    });
    const port = Number(new URL(KEYCLOAK_URL).port);
    try {
      await sellThroughOutage(till, DATABASE_URL, {
        stop: async () => {
          group = await processGroupOf(await listenerPid(port));
          process.kill(-group, 'SIGSTOP');
        },
        whileDown: () => expectSellingWithoutKeycloak(till, tokens),
        start: async () => {
          resume();
        },
      });
      expect(till.attempts.some((attempt) => attempt.error?.startsWith('sign-in'))).toBe(true);
    } finally {
      await till.stop();
    }
  });
});
