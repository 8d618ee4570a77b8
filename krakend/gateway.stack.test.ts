import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '../scripts/lib/postgres.mjs';
import { checkKrakendConfig, ensureKrakend, startKrakend } from '../scripts/lib/krakend.mjs';
import { CONFIG_FILE, renderKrakendConfig } from './render-config.mjs';
import { startEchoBackend, type EchoBackend, type SeenRequest } from './testing/echo-backend.ts';
import { startTestIssuer, type TestIssuer } from './testing/test-issuer.ts';

// The gateway against two stand-in sync servers and a JWKS served here: everything the
// gateway itself decides, without Keycloak. gateway-keycloak.stack.test.ts covers the real one.

const TILL_ORIGIN = 'http://localhost:8000';
const scratch = mkdtempSync(path.join(tmpdir(), 'pos-gateway-test-'));

let issuer: TestIssuer;
let backends: EchoBackend[];
let gateway: { url: string; stop(): Promise<void> };
let users = 0;

/** Each test signs as its own user, so one test's requests never count against another's limit. */
const freshUser = () => `staff-test-${++users}`;

async function call(route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${gateway.url}${route}`, init);
}

async function seen(response: Response): Promise<SeenRequest> {
  expect(response.status).toBe(200);
  return (await response.json()) as SeenRequest;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  await ensureKrakend();
  issuer = await startTestIssuer();
  backends = await Promise.all([startEchoBackend('a'), startEchoBackend('b')]);
  gateway = await startKrakend({
    port: await freePort(),
    backends: backends.map((backend) => backend.url),
    logFile: path.join(scratch, 'gateway.log'),
    settings: {
      jwksUrl: issuer.jwksUrl,
      tillOrigins: [TILL_ORIGIN],
      // Low enough to reach in a test: 3 calls per user on the API, 2 claims for everyone.
      limits: {
        api: { client: { rate: 0.2, burst: 3 }, overall: { rate: 500, burst: 1000 } },
        rare: { client: { rate: 100, burst: 100 }, overall: { rate: 0.2, burst: 2 } },
        public: { client: { rate: 0.2, burst: 3 }, overall: { rate: 500, burst: 1000 } },
      },
    },
  });
}, 600_000);

afterAll(async () => {
  await gateway?.stop();
  await Promise.all((backends ?? []).map((backend) => backend.close()));
  await issuer?.close();
});

describe('the configuration check', () => {
  it('accepts krakend/krakend.json, which is the rendered route table', async () => {
    await expect(checkKrakendConfig(CONFIG_FILE)).resolves.toContain('Syntax OK');
    expect(JSON.parse(readFileSync(CONFIG_FILE, 'utf8'))).toEqual(renderKrakendConfig());
  });

  it('refuses a misspelt module namespace, which would leave an endpoint unprotected', async () => {
    const config = renderKrakendConfig();
    const me = config.endpoints.find((endpoint) => endpoint.endpoint === '/api/me');
    if (!me) throw new Error('no /api/me endpoint');
    const extra: Record<string, unknown> = me.extra_config;
    extra['auth/validater'] = extra['auth/validator'];
    delete extra['auth/validator'];
    const file = path.join(scratch, 'misspelt.json');
    writeFileSync(file, JSON.stringify(config));

    await expect(checkKrakendConfig(file)).rejects.toThrow(/"auth\/validater" is not a module/);
  });

  it('refuses a claim header the endpoint does not forward, and a wrong version', async () => {
    const config = { ...renderKrakendConfig(), version: 2 };
    const file = path.join(scratch, 'old-version.json');
    writeFileSync(file, JSON.stringify(config));
    await expect(checkKrakendConfig(file)).rejects.toThrow(/unsupported version/);

    const dropped = renderKrakendConfig();
    const pull = dropped.endpoints.find((endpoint) => endpoint.endpoint.endsWith('/pull'));
    if (!pull) throw new Error('no pull endpoint');
    pull.input_headers = ['Authorization'];
    const droppedFile = path.join(scratch, 'dropped-header.json');
    writeFileSync(droppedFile, JSON.stringify(dropped));
    await expect(checkKrakendConfig(droppedFile)).rejects.toThrow(/X-Tenant-Id .* input_headers/);
  });
});

describe('token validation', () => {
  it('answers 401 without a token and never calls a backend', async () => {
    const before = backends.reduce((sum, backend) => sum + backend.seen.length, 0);

    expect((await call('/api/me')).status).toBe(401);
    expect((await call('/api/sync/products/pull?seq=0')).status).toBe(401);
    expect((await call('/api/me', { headers: { Authorization: 'Bearer' } })).status).toBe(401);

    expect(backends.reduce((sum, backend) => sum + backend.seen.length, 0)).toBe(before);
  });

  it('answers 401 for a forged, expired, foreign or garbled token', async () => {
    const sub = freshUser();
    const forged = await issuer.token({ sub }, { foreignKey: true });
    const expired = await issuer.token({ sub }, { expiresIn: Math.floor(Date.now() / 1000) - 120 });
    const otherAudience = await issuer.token({ sub, aud: 'another-api' });
    const otherIssuer = await issuer.token({ sub, iss: 'http://localhost:8180/realms/other' });

    const tokens = { forged, expired, otherAudience, otherIssuer, garbled: 'not-a-jwt' };
    const statuses: Record<string, number> = {};
    for (const [name, token] of Object.entries(tokens)) {
      statuses[name] = (await call('/api/me', { headers: bearer(token) })).status;
    }
    expect(statuses).toEqual({
      forged: 401,
      expired: 401,
      otherAudience: 401,
      otherIssuer: 401,
      garbled: 401,
    });
  });

  it('answers 403 for a valid token without a POS role', async () => {
    const token = await issuer.token({
      sub: freshUser(),
      realm_access: { roles: ['offline_access'] },
    });
    expect((await call('/api/me', { headers: bearer(token) })).status).toBe(403);
  });

  it('passes a valid token through with tenant and user set from its claims', async () => {
    const sub = freshUser();
    const token = await issuer.token({ sub, tenant_id: 'demo' });
    const request = await seen(await call('/api/me', { headers: bearer(token) }));

    expect(request.url).toBe('/api/me');
    expect(request.headers.authorization).toBe(`Bearer ${token}`);
    expect(request.headers['x-tenant-id']).toBe('demo');
    expect(request.headers['x-user-id']).toBe(sub);
  });

  it('overrides a tenant header the client wrote, and drops it when the token has no tenant', async () => {
    const forged = { 'X-Tenant-Id': 'harbour', 'X-User-Id': 'staff-harbour-owner' };

    const token = await issuer.token({ sub: freshUser(), tenant_id: 'demo' });
    const request = await seen(await call('/api/me', { headers: { ...bearer(token), ...forged } }));
    expect(request.headers['x-tenant-id']).toBe('demo');
    expect(request.headers['x-user-id']).not.toBe('staff-harbour-owner');

    const noTenant = await issuer.token({ sub: freshUser(), tenant_id: undefined });
    const bare = await seen(await call('/api/me', { headers: { ...bearer(noTenant), ...forged } }));
    expect(bare.headers['x-tenant-id'] ?? '').toBe('');
  });
});

describe('routing', () => {
  it('balances between both sync servers', async () => {
    const token = await issuer.token({ sub: freshUser() });
    const picked = new Set<string>();
    // Lura may pick hosts at random: sixteen calls all on one would be a 1-in-32,768 chance.
    for (let i = 0; i < 16; i++) {
      const response = await call('/api/sync/products/pull?seq=0&limit=10', {
        headers: bearer(token),
      });
      picked.add((await seen(response)).backend);
    }
    expect([...picked].sort()).toEqual(['a', 'b']);
  });

  it('forwards the listed query strings and the push body, nothing else', async () => {
    const token = await issuer.token({ sub: freshUser() });
    const pull = await seen(
      await call('/api/sync/products/pull?seq=42&limit=500&tenant=harbour', {
        headers: bearer(token),
      }),
    );
    const query = new URL(pull.url, 'http://x').searchParams;
    expect(query.get('seq')).toBe('42');
    expect(query.get('limit')).toBe('500');
    expect(query.has('tenant')).toBe(false);

    const push = await seen(
      await call('/api/sync/sales/push', {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ rows: [] }),
      }),
    );
    expect(push).toMatchObject({ method: 'POST', url: '/api/sync/sales/push' });
    expect(push.headers['content-type']).toBe('application/json');
  });

  it('serves the till and its config without a token, and does not route the event stream', async () => {
    expect((await seen(await call('/'))).url).toBe('/');
    expect((await seen(await call('/assets/index-abc.js'))).url).toBe('/assets/index-abc.js');
    expect((await seen(await call('/api/client-config'))).url).toBe('/api/client-config');

    const token = await issuer.token({ sub: freshUser() });
    expect((await call('/api/sync/stream', { headers: bearer(token) })).status).toBe(404);
    expect((await call('/__health')).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers 429 to one user past the burst while another user goes on', async () => {
    const busy = await issuer.token({ sub: freshUser() });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await call('/api/sales', { headers: bearer(busy) })).status);
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);

    const other = await issuer.token({ sub: freshUser() });
    expect((await call('/api/sales', { headers: bearer(other) })).status).toBe(200);
  });

  it('keys a public route on the connection, not on an X-Forwarded-For the client made up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const spoofed = { 'X-Forwarded-For': `203.0.113.${i + 1}` };
      statuses.push((await call('/api/client-config', { headers: spoofed })).status);
    }
    expect(statuses).toContain(429);
  });

  it('answers 503 past the overall limit, whoever asks', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const token = await issuer.token({ sub: freshUser() });
      const response = await call('/api/devices/claim', {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: '{}',
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 503, 503]);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    call('/api/sync/sales/push', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });

  it('allows the till origin', async () => {
    const response = await preflight(TILL_ORIGIN);
    expect(response.ok).toBe(true);
    expect(response.headers.get('access-control-allow-origin')).toBe(TILL_ORIGIN);
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
  });

  it('refuses any other origin', async () => {
    const response = await preflight('http://evil.test');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();

    const token = await issuer.token({ sub: freshUser() });
    const simple = await call('/api/me', {
      headers: { ...bearer(token), Origin: 'http://evil.test' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});
