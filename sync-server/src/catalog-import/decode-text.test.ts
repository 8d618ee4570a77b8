import { describe, expect, it } from 'vitest';

import { decodeText } from './decode-text.ts';

describe('decodeText', () => {
  it('reads UTF-8, emoji included', () => {
    const bytes = new TextEncoder().encode('Eggs 🥚,Aplós');
    expect(decodeText(bytes)).toEqual({ text: 'Eggs 🥚,Aplós', encoding: 'utf-8' });
  });

  it('drops and reports a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
    expect(decodeText(bytes)).toEqual({ text: 'a', encoding: 'utf-8-bom' });
  });

  it('falls back to windows-1252 when the bytes are not valid UTF-8', () => {
    // "Café" with é as 0xE9, "€5" with the euro at 0x80, and curly quotes 0x93/0x94.
    const bytes = new Uint8Array([
      0x43, 0x61, 0x66, 0xe9, 0x2c, 0x80, 0x35, 0x2c, 0x93, 0x78, 0x94,
    ]);
    expect(decodeText(bytes)).toEqual({ text: 'Café,€5,\u201cx\u201d', encoding: 'windows-1252' });
  });

  it('reads UTF-16 LE with its byte order mark, as Excel saves "Unicode text"', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0xe9, 0x00]);
    expect(decodeText(bytes)).toEqual({ text: 'a,é', encoding: 'utf-16le' });
  });
});
