import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export const ISSUER = 'http://localhost:8180/realms/pos';
export const AUDIENCE = 'pos-api';

export interface TestIssuer {
  jwksUrl: string;
  /** A token shaped like Keycloak's for the pos realm; `claims` adds to or replaces its claims. */
  token(
    claims?: JWTPayload,
    options?: { expiresIn?: string | number; foreignKey?: boolean },
  ): Promise<string>;
  close(): Promise<void>;
}

/**
 * Signs tokens like the pos realm does (RS256, `realm_access.roles`, `tenant_id`) and serves
 * the public key as a JWKS, so the gateway's validation is tested without Keycloak.
 */
export async function startTestIssuer(): Promise<TestIssuer> {
  const own = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const kid = 'test-key';
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(own.publicKey)), kid, alg: 'RS256', use: 'sig' }],
  });

  const server = createServer((request, response) => {
    if (request.url === '/realms/pos/protocol/openid-connect/certs') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(jwks);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const sign = (key: CryptoKey, claims: JWTPayload, expiresIn: string | number) =>
    new SignJWT({
      iss: ISSUER,
      aud: AUDIENCE,
      sub: 'staff-cashier',
      tenant_id: 'demo',
      realm_access: { roles: ['default-roles-pos', 'cashier'] },
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key);

  return {
    jwksUrl: `http://127.0.0.1:${port}/realms/pos/protocol/openid-connect/certs`,
    token: (claims = {}, options = {}) =>
      sign(
        options.foreignKey ? foreign.privateKey : own.privateKey,
        claims,
        options.expiresIn ?? '5m',
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
