import { fromBase64, toBase64 } from './base64.ts';
import { utf8, webCrypto } from './web-crypto.ts';

const SALT_BYTES = 16;
const HASH_BITS = 256;
/** A stored hash asking for more work than this is treated as corrupt, not obeyed. */
const MAX_ITERATIONS = 10_000_000;

async function derive(pin: string, salt: Uint8Array, iterations: number, bits: number) {
  const subtle = webCrypto().subtle;
  const key = await subtle.importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveBits']);
  const derived = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    bits,
  );
  return new Uint8Array(derived);
}

/** PBKDF2-SHA256 with a random salt, stored as `pbkdf2$<iterations>$<salt b64>$<hash b64>`. */
export async function hashPin(pin: string, iterations = 100_000): Promise<string> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`Unsupported PBKDF2 iteration count: ${String(iterations)}`);
  }

  const salt = webCrypto().getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(pin, salt, iterations, HASH_BITS);
  return `pbkdf2$${String(iterations)}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** Compares every byte whatever the first difference, so timing does not leak the hash. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) {
    difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  return difference === 0;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, rounds, saltText, hashText, ...rest] = stored.split('$');
  if (scheme !== 'pbkdf2' || rest.length > 0 || !rounds || !/^[1-9]\d{0,7}$/.test(rounds)) {
    return false;
  }

  const iterations = Number(rounds);
  const salt = fromBase64(saltText ?? '');
  const expected = fromBase64(hashText ?? '');
  if (iterations > MAX_ITERATIONS || !salt || !expected || expected.length === 0) {
    return false;
  }

  const actual = await derive(pin, salt, iterations, expected.length * 8);
  return constantTimeEqual(actual, expected);
}
