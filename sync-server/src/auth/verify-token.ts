import { accessClaimsSchema, roleSchema, type Role } from '@pos/shared';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

import type { AuthContext } from './auth-context.ts';

export type VerifyAccessToken = (token: string) => Promise<AuthContext | undefined>;

export interface TokenVerifierOptions {
  /** Where the signing keys come from: Keycloak's JWKS, or the embedded issuer's own key. */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  now?: () => Date;
}

/**
 * The one verification path for both auth modes. Only RS256 is accepted, so `alg: none` and
 * HMAC tokens signed with the public key as a secret fail before any claim is read.
 */
export function createTokenVerifier(options: TokenVerifierOptions): VerifyAccessToken {
  const { keys, issuer, audience } = options;

  return async (token) => {
    let payload: unknown;
    try {
      const verified = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer,
        audience,
        clockTolerance: 30,
        ...(options.now ? { currentDate: options.now() } : {}),
      });
      payload = verified.payload;
    } catch {
      return undefined;
    }

    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success) return undefined;

    // Keycloak adds roles of its own (offline_access, default-roles-…); only ours count.
    const roles = claims.data.realm_access.roles.filter(
      (role): role is Role => roleSchema.safeParse(role).success,
    );
    return {
      tenantId: claims.data.tenant_id,
      userId: claims.data.sub,
      roles,
      name: claims.data.name ?? claims.data.email ?? claims.data.sub,
      email: claims.data.email ?? '',
    };
  };
}

/** Keycloak (or any OIDC provider) publishes its keys at a URL; jose caches and rotates them. */
export function remoteKeys(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000 });
}
