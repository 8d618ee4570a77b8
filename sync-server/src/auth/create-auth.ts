import { createLocalJWKSet } from 'jose';

import type { AuthConfig } from '../config.ts';
import type { Queryable } from '../db/database.ts';
import { createEmbeddedIssuer, type EmbeddedIssuer } from './embedded-issuer.ts';
import { loadOrCreateSigningKey } from './signing-key.ts';
import { createTokenVerifier, remoteKeys, type VerifyAccessToken } from './verify-token.ts';

export interface Auth {
  verify: VerifyAccessToken;
  /** Present in embedded mode only; its routes are not mounted otherwise. */
  embedded: EmbeddedIssuer | undefined;
}

/**
 * Wires token verification for the configured mode. Both modes share the verifier; they only
 * differ in where the public keys come from.
 */
export async function createAuth(
  config: AuthConfig,
  db: Queryable,
  now?: () => Date,
): Promise<Auth> {
  const clock = now === undefined ? {} : { now };

  if (config.mode === 'oidc') {
    if (config.jwksUrl === undefined) throw new Error('oidc mode needs a JWKS URL');
    return {
      verify: createTokenVerifier({
        keys: remoteKeys(config.jwksUrl),
        issuer: config.issuer,
        audience: config.audience,
        ...clock,
      }),
      embedded: undefined,
    };
  }

  const key = await loadOrCreateSigningKey(db);
  const embedded = createEmbeddedIssuer({
    db,
    issuer: config.issuer,
    audience: config.audience,
    key,
    ...clock,
  });
  return {
    verify: createTokenVerifier({
      keys: createLocalJWKSet(embedded.jwks()),
      issuer: config.issuer,
      audience: config.audience,
      ...clock,
    }),
    embedded,
  };
}
