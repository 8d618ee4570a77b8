import { describe, expect, it } from 'vitest';

import { requireEnv } from '../testing/require-env.ts';
import { waitFor } from '../testing/wait-for.ts';
import { expectSellingWithoutKeycloak } from './keycloak-outage.ts';
import { sellThroughOutage } from './outage-scenario.ts';
import { SimulatedTill } from './simulated-till.ts';
import { keycloakLib, listenerPid, processGroupOf } from './stack-services.ts';
import { readStackState, recordRestart } from './stack-state.ts';
import { DEMO_CASHIER } from './till-seller.ts';
import { keycloakTokens } from './token-source.ts';

const SUITE = 'keycloak-restart.stack.test.ts';
const DATABASE_URL = requireEnv('STACK_DATABASE_URL', SUITE);
const KEYCLOAK_URL = requireEnv('KEYCLOAK_URL', SUITE);
const STATE_FILE = requireEnv('STACK_STATE_FILE', SUITE);
const SERVER_URL = requireEnv('SYNC_SERVER_URLS', SUITE).split(',')[0] ?? '';

function alive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Guards sales against Keycloak being stopped and started again (an upgrade, a crash): the
 * stack's own Keycloak is stopped for real, so connections are refused. Tokens already issued
 * keep working (the sync servers verify them with the keys they hold); a till that must sign
 * in again retries until Keycloak is back. Keycloak is started again on the same database, and
 * the stack's state file records the new process.
 */
describe('Keycloak stopped and started again', () => {
  it('keeps taking sales on issued tokens, and a till signing in again recovers', async () => {
    const tokens = keycloakTokens(KEYCLOAK_URL, DEMO_CASHIER.username, DEMO_CASHIER.password);
    const till = new SimulatedTill({
      seller: DEMO_CASHIER,
      baseUrl: () => SERVER_URL,
      tokens,
      batchSize: 5,
    });
    const keycloak = readStackState(STATE_FILE).find((service) => service.name === 'keycloak');
    const adminUrl = new URL(DATABASE_URL);
    adminUrl.pathname = '/postgres';

    try {
      await sellThroughOutage(till, DATABASE_URL, {
        stop: async () => {
          const group = await processGroupOf(await listenerPid(Number(new URL(KEYCLOAK_URL).port)));
          process.kill(-group, 'SIGTERM');
          await waitFor('Keycloak gone', () => !alive(group), 60_000);
        },
        whileDown: () => expectSellingWithoutKeycloak(till, tokens),
        start: async () => {
          const { startKeycloak } = await keycloakLib();
          const started = await startKeycloak({
            postgresUrl: adminUrl.toString(),
            logFile: keycloak?.logFile ?? '/tmp/pos-keycloak-restart.log',
            detached: true,
            log: () => undefined,
          });
          recordRestart(STATE_FILE, 'keycloak', started.pid);
        },
      });
      expect(till.attempts.some((attempt) => attempt.error?.startsWith('sign-in'))).toBe(true);
    } finally {
      await till.stop();
    }
  }, 300_000);
});
