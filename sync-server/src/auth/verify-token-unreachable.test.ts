import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Hono } from 'hono';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { createErrorHandler } from '../http/error-handler.ts';
import { silentLogger } from '../observability/logger.ts';
import { requestContext } from '../observability/request-context.ts';
import { authenticate } from './authenticate.ts';
import { createTokenVerifier, remoteKeys, type VerifyAccessToken } from './verify-token.ts';

const ISSUER = 'http://localhost:8180/realms/pos';
const claims = {
  tenant_id: 'demo',
  realm_access: { roles: ['cashier'] },
  name: 'Casey Cashier',
  email: 'cashier@demo.test',
};

interface SigningPair {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function signingPair(): Promise<SigningPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' } };
}

function sign(pair: SigningPair, kid = pair.kid): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid })
    .setSubject('staff-cashier')
    .setIssuer(ISSUER)
    .setAudience('pos-api')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(pair.privateKey);
}

function unsigned(): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const payload = { ...claims, sub: 'staff-cashier', iss: ISSUER, aud: 'pos-api', exp: now + 60 };
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

function hs256(pair: SigningPair): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: pair.kid })
    .setSubject('staff-cashier')
    .setIssuer(ISSUER)
    .setAudience('pos-api')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JSON.stringify(pair.publicJwk)));
}

type JwksAnswer = { status: number; body: unknown } | 'hang';

interface JwksServer {
  url: string;
  server: Server;
  /** What the next request gets; 'hang' never answers. */
  answer: JwksAnswer;
}

async function startJwksServer(): Promise<JwksServer> {
  const jwks: JwksServer = {
    url: '',
    answer: { status: 200, body: { keys: [] } },
    server: createServer((_request, response) => {
      if (jwks.answer === 'hang') return;
      response.writeHead(jwks.answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(jwks.answer.body));
    }),
  };
  await new Promise<void>((resolve) => jwks.server.listen(0, '127.0.0.1', resolve));
  jwks.url = `http://127.0.0.1:${(jwks.server.address() as AddressInfo).port}/certs`;
  return jwks;
}

/** A loopback port nothing listens on: taken, then given back. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function appWith(verify: VerifyAccessToken): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(silentLogger));
  app.use('*', requestContext(silentLogger));
  app.use('/api/*', authenticate(verify));
  app.get('/api/me', (c) => c.json({ userId: c.get('auth').userId }));
  return app;
}

const verifierFor = (jwksUrl: string, cacheMaxAgeMs?: number) =>
  createTokenVerifier({
    keys: remoteKeys(jwksUrl, {
      timeoutMs: 300,
      ...(cacheMaxAgeMs === undefined ? {} : { cacheMaxAgeMs }),
    }),
    issuer: ISSUER,
    audience: 'pos-api',
  });

describe('an unreachable identity provider', () => {
  let pair: SigningPair;
  let stranger: SigningPair;
  let jwks: JwksServer;
  beforeAll(async () => {
    pair = await signingPair();
    stranger = await signingPair();
    jwks = await startJwksServer();
  });
  afterEach(() => {
    jwks.answer = { status: 200, body: { keys: [pair.publicJwk] } };
  });
  afterAll(async () => {
    jwks.server.closeAllConnections();
    await new Promise((resolve) => jwks.server.close(resolve));
  });

  it('answers 503 unavailable, not 401, when the connection is refused', async () => {
    const app = appWith(verifierFor(`http://127.0.0.1:${await closedPort()}/certs`));

    const response = await app.request('/api/me', {
      headers: { authorization: `Bearer ${await sign(pair)}` },
    });

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      kind: 'unavailable',
      message: 'identity provider unreachable, retry later',
    });
  });

  it('still answers 401 to tokens it can refuse without any key', async () => {
    const verify = verifierFor(`http://127.0.0.1:${await closedPort()}/certs`);
    const app = appWith(verify);

    for (const token of [unsigned(), await hs256(pair), 'not.a.token', 'garbage']) {
      const response = await app.request('/api/me', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ kind: 'unauthenticated' });
    }
  });

  it('answers 503 when the provider does not answer in time', async () => {
    jwks.answer = 'hang';
    const verify = verifierFor(jwks.url);

    const started = Date.now();
    const outcome = verify(await sign(pair));

    await expect(outcome).rejects.toBeInstanceOf(ApiError);
    await expect(outcome).rejects.toMatchObject({ kind: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers 503 when the provider answers with an error page', async () => {
    jwks.answer = { status: 502, body: { error: 'bad gateway' } };

    await expect(verifierFor(jwks.url)(await sign(pair))).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });

  it('answers 401, not 503, to a forged token while the provider is up', async () => {
    jwks.answer = { status: 200, body: { keys: [pair.publicJwk] } };
    const verify = verifierFor(jwks.url);

    expect(await verify(await sign(stranger, pair.kid))).toBeUndefined();
    expect(await verify(await sign(stranger))).toBeUndefined();
    expect(await verify(await sign(pair))).toMatchObject({ userId: 'staff-cashier' });
  });

  it('keeps verifying with keys fetched before the outage, and refuses forgeries with 401', async () => {
    jwks.answer = { status: 200, body: { keys: [pair.publicJwk] } };
    // Keys count as stale at once, so every verification below tries to fetch them again.
    const verify = verifierFor(jwks.url, 0);
    expect(await verify(await sign(pair))).toMatchObject({ userId: 'staff-cashier' });

    jwks.answer = { status: 503, body: {} };
    const known = await verify(await sign(pair));
    const forged = await verify(await sign(stranger, pair.kid));
    const unknownKey = verify(await sign(stranger));

    expect(known).toMatchObject({ userId: 'staff-cashier', tenantId: 'demo' });
    expect(forged).toBeUndefined();
    await expect(unknownKey).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
