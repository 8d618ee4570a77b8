import { describe, expect, it } from 'vitest';

import { isStorable, makeStorable } from './storable-text.ts';

// Guards against poison text: characters jsonb cannot store must be found wherever they hide.
describe('text Postgres cannot store', () => {
  it.each([
    ['a NUL in a value', { name: 'a\u0000b' }],
    ['a lone high surrogate', { name: 'a\uD800b' }],
    ['a lone low surrogate', { lines: [{ name: '\uDC00' }] }],
    ['a NUL in a key', { ['k\u0000']: 1 }],
  ])('finds %s', (_label, value) => {
    expect(isStorable(value)).toBe(false);
  });

  it.each([
    ['an emoji (a surrogate pair)', { name: '\uD83D\uDE00' }],
    ['a literal backslash-u text', { name: '\\u0000 and \\ud800' }],
    ['right-to-left marks', { name: '\u202Eevil\u200F' }],
  ])('accepts %s', (_label, value) => {
    expect(isStorable(value)).toBe(true);
  });

  it('replaces each unstorable character with U+FFFD and keeps the rest', () => {
    const sanitised = makeStorable({ name: 'a\u0000b\uD800\uD83D\uDE00', ['k\u0000']: '\\u0000' });

    expect(sanitised).toEqual({
      clean: false,
      value: { name: 'a\uFFFDb\uFFFD\uD83D\uDE00', ['k\uFFFD']: '\\u0000' },
    });
  });
});
