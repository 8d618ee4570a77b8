import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AuthConfig } from '../config.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import {
  createTestApp,
  login,
  TEST_ISSUER,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';
import { createAuth } from './create-auth.ts';
import { createTokenVerifier, remoteKeys } from './verify-token.ts';

const embeddedConfig: AuthConfig = {
  mode: 'embedded',
  issuer: TEST_ISSUER,
  jwksUrl: undefined,
  audience: 'pos-api',
};

describe('tokens across restarts', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-pglite-'));
  }, SETUP_TIMEOUT_MS);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('still accepts a token issued before the server restarted', async () => {
    const before = await openDatabase({ pgliteDir: dir });
    await runMigrations(before);
    await seedDemo(before, { size: 1 });
    const issuedBefore = await (
      await createAuth(embeddedConfig, before)
    ).embedded?.passwordGrant('cashier@demo.test', 'cashier123');
    await before.close();

    const after = await openDatabase({ pgliteDir: dir });
    await runMigrations(after);
    const auth = await createAuth(embeddedConfig, after);

    expect(await auth.verify(issuedBefore?.access_token ?? '')).toMatchObject({
      userId: 'staff-cashier',
    });
    await after.close();
  });
});

describe('oidc mode verifies against a remote JWKS', () => {
  let t: TestApp;
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('accepts the issuer’s tokens through the same verifier, fetching keys over HTTP', async () => {
    const verify = createTokenVerifier({
      keys: remoteKeys(`http://127.0.0.1:${port}/auth/dev/jwks.json`),
      issuer: TEST_ISSUER,
      audience: 'pos-api',
    });
    const tokens = await login(t.app, 'manager@demo.test', 'manager123');

    expect(await verify(tokens.access_token)).toMatchObject({
      tenantId: 'demo',
      userId: 'staff-manager',
      roles: ['manager'],
    });
    expect(await verify(tokens.refresh_token)).toBeUndefined();
  });
});
