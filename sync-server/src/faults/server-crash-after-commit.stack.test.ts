import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requireEnv } from '../testing/require-env.ts';
import { waitFor } from '../testing/wait-for.ts';
import { faultScratch, STACK_ISSUER } from './fault-scratch.ts';
import { SimulatedTill } from './simulated-till.ts';
import { expectEverySaleStoredOnce, expectTillViewTrue, storedIds } from './stored-sales.ts';
import { startSyncServer, type SyncServerProcess } from './sync-server-process.ts';
import { DEMO_CASHIER } from './till-seller.ts';
import { keycloakTokens } from './token-source.ts';

const SUITE = 'server-crash-after-commit.stack.test.ts';
const DATABASE_URL = requireEnv('STACK_DATABASE_URL', SUITE);
const REDIS_URL = requireEnv('REDIS_URL', SUITE);
const KEYCLOAK_URL = requireEnv('KEYCLOAK_URL', SUITE);
const PERMIFY_URL = requireEnv('PERMIFY_URL', SUITE);

const CRASH_ON_COMMIT = 3;

/**
 * Guards the worst moment for a crash: the push is committed but its answer never leaves the
 * server. The till must keep retrying until a server is back, and the retry must neither store
 * the sales again nor leave the till waiting for them forever.
 */
describe('sync server killed after committing a push, before answering', () => {
  const scratch = faultScratch('crash');
  const stackEnv = {
    DATABASE_URL,
    REDIS_URL,
    AUTH_MODE: 'oidc',
    AUTH_ISSUER: STACK_ISSUER,
    AUTHZ_MODE: 'permify',
    PERMIFY_URL,
  };
  let server: SyncServerProcess | undefined;
  const till = new SimulatedTill({
    seller: DEMO_CASHIER,
    baseUrl: () => server?.url ?? 'http://127.0.0.1:9',
    tokens: keycloakTokens(KEYCLOAK_URL, DEMO_CASHIER.username, DEMO_CASHIER.password),
    batchSize: 5,
  });

  beforeAll(async () => {
    server = await startSyncServer({
      env: {
        ...stackEnv,
        POS_ENABLE_FAULTS: '1',
        POS_FAULT_CRASH_AFTER_COMMIT: String(CRASH_ON_COMMIT),
      },
      logFile: scratch.file('sync-server.log'),
    });
  });

  afterAll(async () => {
    await till.stop();
    await server?.stop();
    scratch.remove();
  });

  it('loses and doubles nothing, and the till recovers on its own', async () => {
    const crashed = server;
    if (crashed === undefined) throw new Error('no server');
    till.sellEvery(40, 60);
    till.start();

    expect(await withTimeout(crashed.exited, 30_000, 'the crash')).toBe('SIGKILL');

    // The crashed push is stored, yet the till still holds it: it never heard back.
    // The first failure is the crashed push; retries may carry more sales.
    const crashedPush = () => till.attempts.find((attempt) => !attempt.ok);
    await waitFor('the till to see its push fail', () => crashedPush() !== undefined);
    const inFlight = crashedPush()?.ids ?? [];
    expect(inFlight.length).toBeGreaterThan(0);
    const stored = await storedIds(DATABASE_URL, till.tenantId, till.sold);
    expect(till.waiting.filter((sale) => stored.has(sale.id)).map((sale) => sale.id)).toEqual(
      inFlight,
    );
    await expectTillViewTrue(DATABASE_URL, till);

    // Sales keep coming while the server is down; the till keeps trying.
    await waitFor('failed attempts against the dead server', () => failedSince(till, 2), 10_000);
    await expectTillViewTrue(DATABASE_URL, till);

    server = await startSyncServer({
      env: stackEnv,
      port: crashed.port,
      logFile: scratch.file('sync-server-restarted.log'),
    });
    await till.drain(30_000);

    await expectEverySaleStoredOnce(DATABASE_URL, till);
    expect(till.sold.length).toBeGreaterThan(5 * CRASH_ON_COMMIT);
    expect(till.failures().get('network')).toBeGreaterThanOrEqual(2);
  });
});

function failedSince(till: SimulatedTill, count: number): boolean {
  return till.attempts.slice(-count).every((attempt) => !attempt.ok);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
