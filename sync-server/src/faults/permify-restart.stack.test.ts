import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requireEnv } from '../testing/require-env.ts';
import { waitFor } from '../testing/wait-for.ts';
import { embeddedCashierTill } from './cashier-till.ts';
import { EMBEDDED_SERVER_ENV, faultScratch, SEED_ARGS } from './fault-scratch.ts';
import { failedSince, sellThroughOutage } from './outage-scenario.ts';
import {
  freePort,
  permifyLib,
  postgresLib,
  type Stoppable,
  type ThrowawayPostgres,
} from './stack-services.ts';
import { startSyncServer, type SyncServerProcess } from './sync-server-process.ts';

// Only the stack's Permify build is shared; this one runs on its own ports and database.
requireEnv('PERMIFY_URL', 'permify-restart.stack.test.ts');

/**
 * Guards sales against the permission service going away: a push that cannot be authorised
 * is refused as `unavailable` having written nothing, and goes through once Permify is back.
 */
describe('Permify stopped and started again', () => {
  const scratch = faultScratch('permify');
  let postgres: ThrowawayPostgres | undefined;
  let permify: Stoppable | undefined;
  let server: SyncServerProcess | undefined;
  let ports = { httpPort: 0, grpcPort: 0, invokerPort: 0 };

  const startPermify = async () => {
    permify = await (
      await permifyLib()
    ).startPermify({
      postgresUrl: postgres?.url ?? '',
      ...ports,
      logFile: scratch.file('permify.log'),
    });
  };

  beforeAll(async () => {
    ports = {
      httpPort: await freePort(),
      grpcPort: await freePort(),
      invokerPort: await freePort(),
    };
    postgres = await (await postgresLib()).startThrowawayPostgres();
    await startPermify();
    const databaseUrl = await (await postgresLib()).ensureDatabase(postgres.url, 'pos');
    server = await startSyncServer({
      env: {
        ...EMBEDDED_SERVER_ENV,
        DATABASE_URL: databaseUrl,
        AUTHZ_MODE: 'permify',
        PERMIFY_URL: permify?.url ?? '',
        // Every push asks Permify, so its absence shows at once.
        AUTHZ_CACHE_TTL_MS: '0',
      },
      args: SEED_ARGS,
      logFile: scratch.file('sync-server.log'),
    });
  });

  afterAll(async () => {
    await server?.stop();
    await permify?.stop();
    await postgres?.stop();
    scratch.remove();
  });

  it('refuses pushes as unavailable while it is down, then stores every sale once', async () => {
    const url = server?.url ?? '';
    const databaseUrl = `${postgres?.url.replace(/\/postgres$/, '')}/pos`;
    const till = embeddedCashierTill(url);
    try {
      await sellThroughOutage(till, databaseUrl, {
        stop: async () => {
          await permify?.stop();
        },
        whileDown: async () => {
          const since = till.attempts.length;
          await waitFor('a push refused as unavailable', () =>
            failedSince(till, since, (status) => status === 503),
          );
        },
        start: startPermify,
      });
      expect(till.failures().get('503')).toBeGreaterThanOrEqual(1);
    } finally {
      await till.stop();
    }
  });
});
