const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const chunk = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET.charAt((chunk >> 18) & 63) + ALPHABET.charAt((chunk >> 12) & 63);
    out += b === undefined ? '=' : ALPHABET.charAt((chunk >> 6) & 63);
    out += c === undefined ? '=' : ALPHABET.charAt(chunk & 63);
  }
  return out;
}

/** Strict standard base64 (with padding); null for anything else. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    return null;
  }

  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let index = 0;
  for (let i = 0; i < text.length; i += 4) {
    const values = [0, 1, 2, 3].map((k) => Math.max(0, ALPHABET.indexOf(text.charAt(i + k))));
    const chunk = values.reduce((acc, v) => (acc << 6) | v, 0);
    for (const shift of [16, 8, 0]) {
      if (index < bytes.length) {
        bytes[index++] = (chunk >> shift) & 255;
      }
    }
  }
  return bytes;
}
