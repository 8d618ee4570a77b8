import { describe, expect, it } from 'vitest';

import { cleanScan } from './scan.ts';

describe('cleanScan', () => {
  it('strips surrounding whitespace and the Enter a scanner sends', () => {
    expect(cleanScan('  4006381333931\r\n')).toBe('4006381333931');
  });

  it('removes GS (0x1D) and other control characters inside the code', () => {
    expect(cleanScan('0104006381333931\u001d10ABC')).toBe('010400638133393110ABC');
    expect(cleanScan('\u00024006381333931\u0003')).toBe('4006381333931');
  });

  it('removes inner whitespace and invisible marks', () => {
    expect(cleanScan('400 6381\t333931')).toBe('4006381333931');
    expect(cleanScan('\ufeff4006381\u200b333931\u00a0')).toBe('4006381333931');
  });

  it('strips a configured prefix and suffix', () => {
    expect(cleanScan(']E04006381333931', { prefix: ']E0' })).toBe('4006381333931');
    expect(cleanScan('4006381333931#', { suffix: '#' })).toBe('4006381333931');
    expect(cleanScan('*4006381333931*', { prefix: '*', suffix: '*' })).toBe('4006381333931');
  });

  it('finds the affixes behind stray whitespace or line ends', () => {
    expect(cleanScan(' ]E04006381333931#\r\n', { prefix: ']E0', suffix: '#' })).toBe(
      '4006381333931',
    );
  });

  it('strips affixes made of control characters', () => {
    expect(cleanScan('\u0002X4006381333931', { prefix: '\u0002X' })).toBe('4006381333931');
  });

  it('leaves the text alone when the affixes are absent', () => {
    expect(cleanScan('4006381333931', { prefix: ']E0', suffix: '#' })).toBe('4006381333931');
    expect(cleanScan('ABC-123')).toBe('ABC-123');
  });

  it('strips the prefix only once and only at the start', () => {
    expect(cleanScan('AA123A', { prefix: 'A' })).toBe('A123A');
  });
});
