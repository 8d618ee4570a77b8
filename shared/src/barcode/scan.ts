/**
 * Cleans what a keyboard-wedge scanner types before it is looked up: configured prefix and
 * suffix (e.g. an AIM symbology identifier like "]E0", or a trailing Enter), ASCII control
 * characters such as GS (0x1D) in GS1 codes, whitespace and invisible zero-width marks.
 */
export interface ScanOptions {
  prefix?: string;
  suffix?: string;
}

// Zero-width space/joiners, word joiner and BOM are invisible but break exact lookups.
const INVISIBLE_MARKS = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

function isNoise(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  return control || INVISIBLE_MARKS.has(code) || /^\s$/u.test(char);
}

function trimNoise(text: string): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && isNoise(chars[start] ?? '')) start += 1;
  while (end > start && isNoise(chars[end - 1] ?? '')) end -= 1;
  return chars.slice(start, end).join('');
}

/**
 * Affixes are matched on the raw text first, then on the trimmed text, so both a prefix made
 * of control characters (STX) and one hidden behind a stray CR/LF are found.
 */
function stripAffixes(text: string, prefix: string, suffix: string): string {
  let result = text;

  if (prefix !== '') {
    const trimmed = trimNoise(result);
    if (result.startsWith(prefix)) result = result.slice(prefix.length);
    else if (trimmed.startsWith(prefix)) result = trimmed.slice(prefix.length);
  }

  if (suffix !== '') {
    const trimmed = trimNoise(result);
    if (result.endsWith(suffix)) result = result.slice(0, -suffix.length);
    else if (trimmed.endsWith(suffix)) result = trimmed.slice(0, -suffix.length);
  }

  return result;
}

export function cleanScan(raw: string, options: ScanOptions = {}): string {
  const stripped = stripAffixes(raw, options.prefix ?? '', options.suffix ?? '');

  return Array.from(stripped)
    .filter((char) => !isNoise(char))
    .join('');
}
