import { describe, expect, it } from 'vitest';

import { buildDiscount, describeDiscount } from './discount-policy.ts';

const limits = { cashier: 10_000, manager: 50_000, owner: 100_000 };
const context = { currency: 'CAD', base: 2000, roles: ['cashier'] as const, limits };

describe('buildDiscount', () => {
  it('reads a percentage in milli-percent', () => {
    expect(buildDiscount({ type: 'percent', text: '7.5', reason: ' dented ' }, context)).toEqual({
      ok: true,
      discount: { type: 'percent', value: 7500, reason: 'dented', approvedBy: null },
    });
  });

  it('reads an amount in minor units', () => {
    expect(buildDiscount({ type: 'amount', text: '1.50', reason: 'x' }, context)).toMatchObject({
      ok: true,
      discount: { type: 'amount', value: 150 },
    });
  });

  it('needs a reason', () => {
    expect(buildDiscount({ type: 'percent', text: '5', reason: ' ' }, context).ok).toBe(false);
  });

  it('refuses zero, garbage, over 100 % and more than the price', () => {
    const bad = [
      { type: 'percent', text: '0' },
      { type: 'percent', text: 'ten' },
      { type: 'percent', text: '100.001' },
      { type: 'amount', text: '20.01' },
    ] as const;

    for (const input of bad) {
      expect(
        buildDiscount({ ...input, reason: 'r' }, { ...context, roles: ['owner'] as const }),
      ).toMatchObject({ ok: false });
    }
  });

  it('refuses discounts over the cashier limit, percent or amount', () => {
    expect(buildDiscount({ type: 'percent', text: '10.001', reason: 'r' }, context).ok).toBe(false);
    expect(buildDiscount({ type: 'amount', text: '2.01', reason: 'r' }, context).ok).toBe(false);
    expect(buildDiscount({ type: 'amount', text: '2.00', reason: 'r' }, context).ok).toBe(true);
  });

  it('asks a manager to approve a discount over the limit, as a share of its base', () => {
    expect(buildDiscount({ type: 'amount', text: '5.00', reason: 'Damaged' }, context)).toEqual({
      ok: false,
      message: 'Over your limit of 10 %: a manager has to approve it',
      approval: {
        discount: { type: 'amount', value: 500, reason: 'Damaged', approvedBy: null },
        discountMilliPercent: 25_000,
      },
    });
  });

  it('lets a manager give alone what a cashier needs approval for', () => {
    const manager = { ...context, roles: ['manager'] as const };
    expect(buildDiscount({ type: 'percent', text: '30', reason: 'r' }, manager).ok).toBe(true);
    expect(buildDiscount({ type: 'percent', text: '51', reason: 'r' }, manager)).toMatchObject({
      ok: false,
      approval: { discountMilliPercent: 51_000 },
    });
  });
});

describe('describeDiscount', () => {
  it('shows percent and money', () => {
    expect(
      describeDiscount({ type: 'percent', value: 7500, reason: '', approvedBy: null }, 'CAD'),
    ).toBe('7.5 %');
    expect(
      describeDiscount({ type: 'amount', value: 250, reason: '', approvedBy: null }, 'CAD'),
    ).toBe('$2.50');
  });
});
