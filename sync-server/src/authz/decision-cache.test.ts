import { describe, expect, it } from 'vitest';

import type { AuthzQuestion } from './authorizer.ts';
import { createDecisionCache } from './decision-cache.ts';

const ask = (overrides: Partial<AuthzQuestion> = {}): AuthzQuestion => ({
  tenantId: 't',
  userId: 'u',
  action: 'sell',
  storeId: 's',
  ...overrides,
});
const no = { allowed: false, reason: 'no' } as const;

describe('createDecisionCache', () => {
  it('answers the same question until the time to live is over', () => {
    let now = 1000;
    const cache = createDecisionCache({ ttlMs: 50, now: () => now });
    cache.set(ask(), no);

    now += 49;
    expect(cache.get(ask())).toEqual(no);
    now += 1;
    expect(cache.get(ask())).toBeUndefined();
  });

  it('tells questions apart by every field, the discount included', () => {
    const cache = createDecisionCache({ ttlMs: 1000 });
    cache.set(ask({ action: 'apply_discount', discountMilliPercent: 5000 }), { allowed: true });

    expect(cache.get(ask({ action: 'apply_discount', discountMilliPercent: 5000 }))).toEqual({
      allowed: true,
    });
    expect(
      cache.get(ask({ action: 'apply_discount', discountMilliPercent: 5001 })),
    ).toBeUndefined();
    expect(cache.get(ask({ action: 'apply_discount' }))).toBeUndefined();
    expect(
      cache.get(ask({ action: 'apply_discount', tenantId: 'x', discountMilliPercent: 5000 })),
    ).toBeUndefined();
  });

  it('forgets one tenant only', () => {
    const cache = createDecisionCache({ ttlMs: 1000 });
    cache.set(ask(), no);
    cache.set(ask({ tenantId: 'other' }), no);

    cache.clearTenant('t');

    expect(cache.get(ask())).toBeUndefined();
    expect(cache.get(ask({ tenantId: 'other' }))).toEqual(no);
  });

  it('keeps at most maxEntries answers and keeps nothing with a zero time to live', () => {
    const bounded = createDecisionCache({ ttlMs: 1000, maxEntries: 2 });
    for (const userId of ['a', 'b', 'c']) bounded.set(ask({ userId }), no);
    const off = createDecisionCache({ ttlMs: 0 });
    off.set(ask(), no);

    expect(['a', 'b', 'c'].map((userId) => bounded.get(ask({ userId })))).toEqual([
      undefined,
      no,
      no,
    ]);
    expect(off.get(ask())).toBeUndefined();
  });
});
