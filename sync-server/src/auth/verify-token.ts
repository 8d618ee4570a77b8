import { accessClaimsSchema, roleSchema, type Role } from '@pos/shared';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';

import { ApiError } from '../http/api-error.ts';
import type { AuthContext } from './auth-context.ts';

/**
 * Resolves with who is calling, or undefined for a token that is not valid. Throws
 * ApiError('unavailable') when the identity provider's keys cannot be fetched: the token may be
 * fine, so the caller must retry rather than sign the user out.
 */
export type VerifyAccessToken = (token: string) => Promise<AuthContext | undefined>;

export interface TokenVerifierOptions {
  /** Where the signing keys come from: Keycloak's JWKS, or the embedded issuer's own key. */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  now?: () => Date;
}

/** The keys could not be fetched: says nothing about the token. */
class IdentityProviderUnreachable extends Error {
  override readonly name = 'IdentityProviderUnreachable';
}

/**
 * The one verification path for both auth modes. Only RS256 is accepted, so `alg: none` and
 * HMAC tokens signed with the public key as a secret fail before any claim is read (and before
 * any key is fetched, so they are refused even while the identity provider is down).
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
    } catch (error) {
      if (error instanceof IdentityProviderUnreachable) {
        throw new ApiError('unavailable', 'identity provider unreachable, retry later');
      }
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

export interface RemoteKeysOptions {
  /** How long fetched keys count as fresh before they are fetched again. */
  cacheMaxAgeMs?: number;
  /** How long one fetch of the keys may take. */
  timeoutMs?: number;
}

/**
 * Keycloak (or any OIDC provider) publishes its keys at a URL; jose caches them and fetches
 * again when they grow old or a token names an unknown key. When a fetch fails, a token signed
 * with a key fetched before still verifies, so a short outage of the provider does not stop
 * tills that already hold tokens; anything else waits for the provider.
 */
export function remoteKeys(jwksUrl: string, options: RemoteKeysOptions = {}): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl), {
    cooldownDuration: 30_000,
    timeoutDuration: options.timeoutMs ?? 3_000,
    ...(options.cacheMaxAgeMs === undefined ? {} : { cacheMaxAge: options.cacheMaxAgeMs }),
  });

  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (!isFetchFailure(error)) throw error;

      const lastKnown = remote.jwks();
      if (lastKnown !== undefined) {
        const key = await createLocalJWKSet(lastKnown)(header, token).catch(() => undefined);
        if (key !== undefined) return key;
      }
      throw new IdentityProviderUnreachable(`the keys at ${jwksUrl} could not be fetched`, {
        cause: error,
      });
    }
  };
}

/**
 * jose reports a refused connection as fetch's own TypeError, a slow answer as JWKSTimeout, and
 * a non-200 or unparsable answer as a plain JOSEError; a problem with the token or its key
 * comes as one of jose's specific errors instead.
 */
function isFetchFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (error instanceof errors.JOSEError) return error.code === errors.JOSEError.code;
  return true;
}
