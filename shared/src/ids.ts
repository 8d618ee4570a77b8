import { webCrypto } from './auth/web-crypto.ts';

/** A new document id (UUID v4); documents are created with their id, never by a database. */
export function newId(): string {
  return webCrypto().randomUUID();
}
