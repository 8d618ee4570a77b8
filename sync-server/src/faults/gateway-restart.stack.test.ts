import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requireEnv } from '../testing/require-env.ts';
import { waitFor } from '../testing/wait-for.ts';
import { faultScratch } from './fault-scratch.ts';
import { failedSince, sellThroughOutage } from './outage-scenario.ts';
import { SimulatedTill } from './simulated-till.ts';
import { freePort, krakendLib, type Stoppable } from './stack-services.ts';
import { DEMO_CASHIER } from './till-seller.ts';
import { keycloakTokens } from './token-source.ts';

const SUITE = 'gateway-restart.stack.test.ts';
const DATABASE_URL = requireEnv('STACK_DATABASE_URL', SUITE);
const KEYCLOAK_URL = requireEnv('KEYCLOAK_URL', SUITE);
const SYNC_SERVERS = requireEnv('SYNC_SERVER_URLS', SUITE).split(',');

/**
 * Guards the till behind the gateway: while the gateway is gone the till's pushes fail and
 * keep their sales; once a gateway answers again every sale reaches the sync servers once.
 */
describe('gateway stopped and started again', () => {
  const scratch = faultScratch('gateway');
  let gateway: Stoppable | undefined;
  let port = 0;

  const startGateway = async () => {
    gateway = await (
      await krakendLib()
    ).startKrakend({
      port,
      backends: SYNC_SERVERS.map((url) => url.replace('localhost', '127.0.0.1')),
      logFile: scratch.file('gateway.log'),
    });
  };

  beforeAll(async () => {
    port = await freePort();
    await startGateway();
  });

  afterAll(async () => {
    await gateway?.stop();
    scratch.remove();
  });

  it('holds the sales while the gateway is down, then stores every sale once', async () => {
    const till = new SimulatedTill({
      seller: DEMO_CASHIER,
      baseUrl: () => `http://127.0.0.1:${port}`,
      tokens: keycloakTokens(KEYCLOAK_URL, DEMO_CASHIER.username, DEMO_CASHIER.password),
      batchSize: 5,
    });
    try {
      await sellThroughOutage(till, DATABASE_URL, {
        stop: async () => {
          await gateway?.stop();
        },
        whileDown: async () => {
          const since = till.attempts.length;
          await waitFor('pushes failing with the gateway gone', () =>
            failedSince(till, since, (status) => status === undefined),
          );
        },
        start: startGateway,
      });
      expect(till.failures().get('network')).toBeGreaterThanOrEqual(1);
    } finally {
      await till.stop();
    }
  });
});
