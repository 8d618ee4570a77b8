import type { Discount, Sale } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { writeDocuments } from '../replication/write-documents.ts';
import { buildStaff } from '../testing/build-documents.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts, type SaleOptions } from '../testing/test-app.ts';

const percent = (milliPercent: number, approvedBy: string | null = null): Discount => ({
  type: 'percent',
  value: milliPercent,
  reason: 'regular customer',
  approvedBy,
});

const amount = (minor: number, approvedBy: string | null = null): Discount => ({
  type: 'amount',
  value: minor,
  reason: 'damaged box',
  approvedBy,
});

describe('discounts over the cashier’s limit', () => {
  let nextSeq = 1;
  const product = demoProducts().find((p) => p.price >= 500);
  if (product === undefined) throw new Error('no demo product over 5.00');

  const demo = useDemoApp(async ({ t }) => {
    await t.db.transaction((tx) =>
      writeDocuments(tx, 'demo', 'staff', [
        buildStaff('staff-owner', { roles: ['owner'], storeIds: [] }),
      ]),
    );
  });

  /** Pushes a sale and answers how the server stored it. */
  const pushSale = async (lineDiscount: Discount | undefined, options: SaleOptions = {}) => {
    const sale = buildSale(
      nextSeq++,
      [
        {
          product,
          quantity: 2000,
          ...(lineDiscount === undefined ? {} : { discount: lineDiscount }),
        },
      ],
      options,
    );
    const pushed = await demo.cashier.push('sales', [sale]);
    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
    return (await demo.manager.get<Sale>(`/api/sales/${sale.id}`)).body.server;
  };

  it('accepts a discount within the cashier’s limit without approval', async () => {
    expect(await pushSale(percent(10_000))).toMatchObject({ status: 'accepted', issues: [] });
  });

  it('stores a sale with an unapproved 20 % discount, flagged', async () => {
    const server = await pushSale(percent(20_000));

    expect(server?.status).toBe('flagged');
    expect(server?.issues).toEqual([
      { code: 'discount_not_approved', message: expect.stringContaining('names no approver') },
    ]);
  });

  it('accepts it once a manager, whose limit covers it, approved it', async () => {
    expect(await pushSale(percent(20_000, 'staff-manager'))).toMatchObject({
      status: 'accepted',
      issues: [],
    });
  });

  it('flags it when the approver’s own limit does not cover it', async () => {
    const server = await pushSale(percent(60_000, 'staff-manager'));

    expect(server?.issues.map((i) => i.code)).toEqual(['discount_not_approved']);
    expect(server?.issues[0]?.message).toContain('Morgan Manager');
  });

  it('takes an owner of the tenant as approver in any store', async () => {
    expect((await pushSale(percent(90_000, 'staff-owner')))?.status).toBe('accepted');
  });

  it('flags it when a cashier "approved" it, or someone who is not staff', async () => {
    expect((await pushSale(percent(20_000, 'staff-cashier')))?.status).toBe('flagged');
    expect((await pushSale(percent(20_000, 'staff-nobody')))?.status).toBe('flagged');
  });

  it('holds amount discounts to the same limit, as a share of the line', async () => {
    const gross = product.price * 2;

    expect((await pushSale(amount(Math.ceil(gross / 5))))?.status).toBe('flagged');
    expect((await pushSale(amount(Math.floor(gross / 20))))?.status).toBe('accepted');
  });

  it('checks the cart discount too, one issue per discount', async () => {
    const server = await pushSale(percent(20_000), { cartDiscount: percent(15_000) });

    expect(server?.issues.map((i) => i.code)).toEqual([
      'discount_not_approved',
      'discount_not_approved',
    ]);
    expect(server?.issues[1]?.message).toContain('the cart');
  });

  it('measures against the cashier of the sale: a manager ringing it up needs no approval', async () => {
    expect(await pushSale(percent(20_000), { cashierId: 'staff-manager' })).toMatchObject({
      status: 'accepted',
    });
  });
});
