/**
 * The slice of WebCrypto the core uses. shared/ compiles without DOM or Node types, so it
 * names these itself; Node 20 and every browser provide them on globalThis.
 */
export interface SubtleCryptoSlice {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: 'PBKDF2',
    extractable: false,
    usages: ['deriveBits'],
  ): Promise<unknown>;
  deriveBits(
    algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number },
    baseKey: unknown,
    length: number,
  ): Promise<ArrayBuffer>;
}

export interface CryptoSlice {
  getRandomValues<T extends Uint8Array>(array: T): T;
  randomUUID(): string;
  readonly subtle: SubtleCryptoSlice;
}

interface TextEncoderSlice {
  encode(text: string): Uint8Array;
}

interface WebGlobals {
  crypto?: CryptoSlice;
  TextEncoder?: new () => TextEncoderSlice;
}

const web = globalThis as unknown as WebGlobals;

export function webCrypto(): CryptoSlice {
  if (!web.crypto) {
    throw new Error('WebCrypto is not available in this runtime');
  }
  return web.crypto;
}

export function utf8(text: string): Uint8Array {
  if (!web.TextEncoder) {
    throw new Error('TextEncoder is not available in this runtime');
  }
  return new web.TextEncoder().encode(text);
}
