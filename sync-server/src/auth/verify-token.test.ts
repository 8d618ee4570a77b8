import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  bearer,
  createTestApp,
  login,
  TEST_ISSUER,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key.ts';

const claims = {
  tenant_id: 'demo',
  realm_access: { roles: ['cashier', 'offline_access'] },
  name: 'Casey Cashier',
  email: 'cashier@demo.test',
};

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('access tokens', () => {
  let t: TestApp;
  let key: SigningKey;
  beforeAll(async () => {
    t = await createTestApp();
    key = await loadOrCreateSigningKey(t.db);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const sign = (payload: JWTPayload, edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
    edit(
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .setSubject('staff-cashier')
        .setIssuer(TEST_ISSUER)
        .setAudience('pos-api')
        .setIssuedAt()
        .setExpirationTime('5m'),
    ).sign(key.privateKey);

  const meStatus = async (token: string) =>
    (await t.app.request('/api/me', { headers: bearer(token) })).status;

  it('issues an access token the API accepts, with Keycloak-shaped claims', async () => {
    const tokens = await login(t.app, 'cashier@demo.test', 'cashier123');

    const auth = await t.auth.verify(tokens.access_token);

    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(900);
    expect(auth).toMatchObject({ tenantId: 'demo', userId: 'staff-cashier', roles: ['cashier'] });
    const payload = JSON.parse(
      Buffer.from(tokens.access_token.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(
      ['aud', 'email', 'exp', 'iat', 'iss', 'name', 'realm_access', 'sub', 'tenant_id'].sort(),
    );
    expect((payload['exp'] as number) - (payload['iat'] as number)).toBe(900);
  });

  it('keeps only our roles from the token', async () => {
    expect(await t.auth.verify(await sign(claims))).toMatchObject({ roles: ['cashier'] });
  });

  it('rejects a wrong password as unauthenticated', async () => {
    const response = await t.app.request('/auth/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cashier@demo.test', password: 'nope' }),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      kind: 'unauthenticated',
      message: 'wrong email or password',
    });
  });

  it('rejects alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      ...claims,
      sub: 'staff-cashier',
      iss: TEST_ISSUER,
      aud: 'pos-api',
      iat: now,
      exp: now + 300,
    })}.`;

    expect(await t.auth.verify(token)).toBeUndefined();
    expect(await meStatus(token)).toBe(401);
  });

  it('rejects HS256 signed with the public key as the secret', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setSubject('staff-cashier')
      .setIssuer(TEST_ISSUER)
      .setAudience('pos-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret);

    expect(await t.auth.verify(token)).toBeUndefined();
  });

  it('rejects a wrong audience', async () => {
    expect(await t.auth.verify(await sign(claims, (jwt) => jwt.setAudience('account')))).toBe(
      undefined,
    );
  });

  it('rejects a wrong issuer', async () => {
    const token = await sign(claims, (jwt) => jwt.setIssuer('http://evil.test/auth/dev'));
    expect(await t.auth.verify(token)).toBeUndefined();
  });

  it('rejects an expired token beyond the 30 s clock tolerance, not within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await sign(claims, (jwt) =>
      jwt.setIssuedAt(now - 1000).setExpirationTime(now - 60),
    );
    const justExpired = await sign(claims, (jwt) =>
      jwt.setIssuedAt(now - 1000).setExpirationTime(now - 10),
    );

    expect(await t.auth.verify(expired)).toBeUndefined();
    expect(await t.auth.verify(justExpired)).toBeDefined();
  });

  it('rejects a key it does not know, whatever kid it claims', async () => {
    const other = await generateKeyPair('RS256');
    const unknownKid = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'someone-else' })
      .setSubject('staff-cashier')
      .setIssuer(TEST_ISSUER)
      .setAudience('pos-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(other.privateKey);
    const spoofedKid = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setSubject('staff-cashier')
      .setIssuer(TEST_ISSUER)
      .setAudience('pos-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(other.privateKey);

    expect(await t.auth.verify(unknownKid)).toBeUndefined();
    expect(await t.auth.verify(spoofedKid)).toBeUndefined();
  });

  it('rejects a token without a tenant', async () => {
    const { tenant_id: _tenant, ...withoutTenant } = claims;
    expect(await t.auth.verify(await sign(withoutTenant))).toBeUndefined();
  });

  it('never accepts a refresh token as an access token', async () => {
    const tokens = await login(t.app, 'manager@demo.test', 'manager123');

    expect(await t.auth.verify(tokens.refresh_token)).toBeUndefined();
    expect(await meStatus(tokens.refresh_token)).toBe(401);
  });

  it('refreshes into a new working pair, and refuses an access token as refresh token', async () => {
    const tokens = await login(t.app, 'manager@demo.test', 'manager123');
    const refresh = (token: string) =>
      t.app.request('/auth/dev/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refresh_token: token }),
      });

    const refreshed = await refresh(tokens.refresh_token);
    const misused = await refresh(tokens.access_token);

    expect(refreshed.status).toBe(200);
    const pair = (await refreshed.json()) as { access_token: string };
    expect(await meStatus(pair.access_token)).toBe(200);
    expect(misused.status).toBe(401);
  });

  it('publishes the public key only', async () => {
    const response = await t.app.request('/auth/dev/jwks.json');
    const body = (await response.json()) as { keys: Record<string, unknown>[] };

    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({ kty: 'RSA', kid: key.kid, alg: 'RS256', use: 'sig' });
    expect(body.keys[0]).not.toHaveProperty('d');
  });

  it('keeps the same signing key across restarts', async () => {
    expect((await loadOrCreateSigningKey(t.db)).kid).toBe(key.kid);
  });
});
