import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';

import type { Queryable } from '../db/database.ts';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** Public half as published in the JWKS, with kid, alg and use set. */
  publicJwk: JWK;
}

/**
 * Loads the embedded issuer's key pair, making one at first start. Kept in the database so
 * tokens stay valid across restarts; when two instances start together the oldest key wins.
 */
export async function loadOrCreateSigningKey(db: Queryable): Promise<SigningKey> {
  const existing = await readOldestKey(db);
  if (existing !== undefined) return existing;

  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  await db.query(
    `insert into embedded_signing_keys (kid, private_jwk, public_jwk)
     values ($1, $2::jsonb, $3::jsonb) on conflict (kid) do nothing`,
    [kid, JSON.stringify(await exportJWK(privateKey)), JSON.stringify(publicJwk)],
  );

  const stored = await readOldestKey(db);
  if (stored === undefined) throw new Error('embedded signing key was not stored');
  return stored;
}

async function readOldestKey(db: Queryable): Promise<SigningKey | undefined> {
  const { rows } = await db.query<{ kid: string; private_jwk: JWK; public_jwk: JWK }>(
    `select kid, private_jwk, public_jwk from embedded_signing_keys
     order by created_at, kid limit 1`,
  );
  const row = rows[0];
  if (row === undefined) return undefined;

  const privateKey = await importJWK(row.private_jwk, 'RS256');
  if (privateKey instanceof Uint8Array) throw new Error('embedded signing key is not an RSA key');
  return {
    kid: row.kid,
    privateKey,
    publicJwk: { ...row.public_jwk, kid: row.kid, alg: 'RS256', use: 'sig' },
  };
}
