import { createHash } from 'node:crypto';

import type { FormatName } from './source-item.ts';

const MAX_PART = 96;

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * Document ids derived from the source, so importing the same file again overwrites instead of
 * duplicating. Characters ids may not hold are replaced; a hash of the original then keeps
 * two keys that differ only in those characters apart.
 */
export function itemId(format: FormatName, key: string): string {
  const safe = key
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_PART);
  const exact = safe === key;
  return exact ? `imp.${format}.${safe}` : `imp.${format}.${safe || 'x'}.${shortHash(key)}`;
}

/** Lower-case slug: categories and taxes that differ only in case or punctuation are one. */
export function nameSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_PART);
  return slug === '' ? shortHash(name) : slug;
}

export function categoryId(format: FormatName, name: string): string {
  return `imp.${format}.cat.${nameSlug(name)}`;
}

export function taxRateId(format: FormatName, key: string): string {
  return `imp.${format}.tax.${nameSlug(key)}`;
}
