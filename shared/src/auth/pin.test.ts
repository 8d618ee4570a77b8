import { describe, expect, it } from 'vitest';

import { fromBase64, toBase64 } from './base64.ts';
import { hashPin, verifyPin } from './pin.ts';

describe('hashPin and verifyPin', () => {
  it('stores PBKDF2 with a random salt and verifies only the right PIN', async () => {
    const stored = await hashPin('4821', 1000);
    expect(stored).toMatch(/^pbkdf2\$1000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await hashPin('4821', 1000)).not.toBe(stored);

    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4822', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('uses 100 000 iterations by default', async () => {
    expect((await hashPin('1234')).split('$')[1]).toBe('100000');
  });

  it('rejects malformed or tampered hashes instead of throwing', async () => {
    const stored = await hashPin('4821', 1000);
    const [, , salt, hash] = stored.split('$');
    for (const bad of [
      '',
      'bcrypt$1000$x$y',
      `pbkdf2$0$${salt ?? ''}$${hash ?? ''}`,
      `pbkdf2$999$${salt ?? ''}$${hash ?? ''}`,
      `pbkdf2$1000$${salt ?? ''}$`,
      `pbkdf2$1000$${salt ?? ''}$not*base64`,
      `${stored}$extra`,
    ]) {
      expect(await verifyPin('4821', bad)).toBe(false);
    }
  });

  it('refuses unsupported iteration counts', async () => {
    await expect(hashPin('1', 0)).rejects.toThrow(RangeError);
  });
});

describe('base64', () => {
  it('matches the standard encoding and round-trips', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    expect(toBase64(bytes)).toBe('AAEC+vv8/Q==');
    expect(toBase64(new Uint8Array([102, 111, 111, 98]))).toBe('Zm9vYg==');
    expect(toBase64(new Uint8Array([102, 111, 111]))).toBe('Zm9v');
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab=c')).toBeNull();
  });
});
