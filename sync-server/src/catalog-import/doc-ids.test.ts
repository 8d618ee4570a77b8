import { idSchema } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { categoryId, itemId, nameSlug, taxRateId } from './doc-ids.ts';

describe('document ids', () => {
  it('uses the source key as is when ids may hold it', () => {
    expect(itemId('loyverse', '10132')).toBe('imp.loyverse.10132');
    expect(itemId('shopify', 'example-shirt.SRT_COT_111')).toBe(
      'imp.shopify.example-shirt.SRT_COT_111',
    );
  });

  it('replaces other characters and adds a hash so distinct keys stay distinct', () => {
    const a = itemId('vend', 'Tahiti Pants/S');
    const b = itemId('vend', 'Tahiti Pants S');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^imp\.vend\.Tahiti-Pants-S\.[0-9a-f]{8}$/);
    expect(itemId('loyverse', 'eggs-🥚')).toMatch(/^imp\.loyverse\.eggs\.[0-9a-f]{8}$/);
  });

  it('is the same on every run and always a valid id', () => {
    const long = 'x'.repeat(300);
    expect(itemId('square', long)).toBe(itemId('square', long));
    for (const id of [itemId('square', long), itemId('square', '🥚'), categoryId('vend', '🥚')]) {
      expect(idSchema.safeParse(id).success).toBe(true);
    }
  });

  it('slugs category and tax names case- and accent-insensitively', () => {
    expect(nameSlug('Cold Drinks')).toBe('cold-drinks');
    expect(categoryId('vend', 'THC / THC Drinks')).toBe('imp.vend.cat.thc-thc-drinks');
    expect(categoryId('vend', 'Apéritif')).toBe(categoryId('vend', 'APERITIF'));
    expect(taxRateId('square', 'NJ Sales Tax')).toBe('imp.square.tax.nj-sales-tax');
  });
});
