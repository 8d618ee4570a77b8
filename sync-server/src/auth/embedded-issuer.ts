import type { TokenResponse } from '@pos/shared';
import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';

import type { Queryable } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import { findDevCredential, loadDevIdentity, type DevIdentity } from './dev-users.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from './passwords.ts';
import type { SigningKey } from './signing-key.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;
const REFRESH_TYP = 'refresh';

export interface EmbeddedIssuer {
  readonly issuer: string;
  jwks(): JSONWebKeySet;
  passwordGrant(email: string, password: string): Promise<TokenResponse>;
  refreshGrant(refreshToken: string): Promise<TokenResponse>;
  /** Signs tokens for an identity directly; tests and the seed use it, no route exposes it. */
  issueFor(identity: DevIdentity): Promise<TokenResponse>;
}

export interface EmbeddedIssuerOptions {
  db: Queryable;
  issuer: string;
  audience: string;
  key: SigningKey;
  now?: () => Date;
}

/**
 * A stand-in for Keycloak during development: same claims, same RS256 signatures, so the
 * verification path is the one production uses. With AUTH_MODE=oidc it is not mounted.
 */
export function createEmbeddedIssuer(options: EmbeddedIssuerOptions): EmbeddedIssuer {
  const { db, issuer, audience, key } = options;
  const now = options.now ?? (() => new Date());
  const jwks: JSONWebKeySet = { keys: [key.publicJwk] };
  const ownKeys = createLocalJWKSet(jwks);

  // The refresh token's audience is the issuer itself, as with Keycloak, so an API verifying
  // access tokens never accepts one.
  const refreshAudience = issuer;

  async function issueFor(identity: DevIdentity): Promise<TokenResponse> {
    const iat = Math.floor(now().getTime() / 1000);
    const header = { alg: 'RS256', kid: key.kid, typ: 'JWT' } as const;

    const accessToken = await new SignJWT({
      tenant_id: identity.tenantId,
      realm_access: { roles: identity.roles },
      name: identity.name,
      email: identity.email,
    })
      .setProtectedHeader(header)
      .setSubject(identity.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
      .sign(key.privateKey);

    const refreshToken = await new SignJWT({ typ: REFRESH_TYP, tenant_id: identity.tenantId })
      .setProtectedHeader(header)
      .setSubject(identity.userId)
      .setIssuer(issuer)
      .setAudience(refreshAudience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + REFRESH_TOKEN_SECONDS)
      .sign(key.privateKey);

    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: ACCESS_TOKEN_SECONDS,
      token_type: 'Bearer',
    };
  }

  async function passwordGrant(email: string, password: string): Promise<TokenResponse> {
    const credential = await findDevCredential(db, email);
    const matches = await verifyPassword(password, credential?.passwordHash ?? UNKNOWN_USER_HASH);
    const identity =
      credential && matches
        ? await loadDevIdentity(db, credential.tenantId, credential.userId)
        : undefined;
    if (identity === undefined) throw new ApiError('unauthenticated', 'wrong email or password');
    return issueFor(identity);
  }

  async function refreshGrant(refreshToken: string): Promise<TokenResponse> {
    const claims = await jwtVerify(refreshToken, ownKeys, {
      algorithms: ['RS256'],
      issuer,
      audience: refreshAudience,
      currentDate: now(),
    }).then(
      (result) => result.payload,
      () => undefined,
    );
    const tenantId = claims?.['tenant_id'];
    if (
      claims?.['typ'] !== REFRESH_TYP ||
      typeof tenantId !== 'string' ||
      claims.sub === undefined
    ) {
      throw new ApiError('unauthenticated', 'the refresh token is not valid');
    }

    const identity = await loadDevIdentity(db, tenantId, claims.sub);
    if (identity === undefined) throw new ApiError('unauthenticated', 'the user no longer exists');
    return issueFor(identity);
  }

  return { issuer, jwks: () => jwks, passwordGrant, refreshGrant, issueFor };
}
