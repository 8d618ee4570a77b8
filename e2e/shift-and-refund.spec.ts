import { expect, test, type APIRequestContext } from '@playwright/test';

import { ShiftPage } from './pages/shift-page.ts';
import { payCard, payCash, tapAndPay } from './support/ring-up.ts';
import { scannableProducts, ServerApi } from './support/server-api.ts';
import { openTill } from './support/till-session.ts';

const CAD_NOTES = [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5];
const FLOAT = 200_00;
const CASH_OUT = 25_00;
/** The drawer is counted this much over what it should hold. */
const OVER = 1_00;

/** Notes and coins making up an amount, largest first (CAD steps of 0.05). */
function countFor(amount: number): Record<number, number> {
  const counts: Record<number, number> = {};
  let left = amount;
  for (const note of CAD_NOTES) {
    counts[note] = Math.floor(left / note);
    left -= note * (counts[note] ?? 0);
  }
  expect(left, 'the amount is a whole number of 5-cent steps').toBe(0);
  return counts;
}

interface ServerShiftReport {
  shift: { id: string; status: string; countedCash: number | null; expectedCash: number | null };
  report: Record<string, unknown> & { expectedCash: number; difference: number | null };
}

async function serverReport(request: APIRequestContext, token: string, shiftId: string) {
  const response = await request.get(`/api/shifts/${shiftId}/report`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ServerShiftReport;
}

async function managerToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/auth/dev/token', {
    data: { username: 'manager@demo.test', password: 'manager123' },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function deviceShifts(request: APIRequestContext, token: string) {
  const response = await request.get('/api/shifts?storeId=store-main', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { shifts: { id: string; openedAt: string }[] }).shifts;
}

test('a shift opens with a float, sells, closes offline over by a known amount, and the Z report matches the server', async ({
  page,
  context,
  request,
}) => {
  const server = await ServerApi.asManager(request);
  const products = scannableProducts(await server.products());
  const [a, b] = [products[0], products[1]];
  if (a === undefined || b === undefined) throw new Error('the demo catalog is too small');
  const token = await managerToken(request);
  const shiftsBefore = new Set((await deviceShifts(request, token)).map((s) => s.id));

  const till = await openTill(page, { signIn: true, waitForSku: a.sku });
  const shift = new ShiftPage(page);
  await shift.open('200.00');

  await page.getByTestId('nav-sell').click();
  const cashSale = await payCash(await tapAndPay(till.sell, [a.sku, b.sku]), (due) => due);
  const cardSale = await payCard(await tapAndPay(till.sell, [b.sku]), 'APPROVED-1');

  await shift.show();
  await shift.cashMovement('out', '25.00', 'Window cleaner');

  await context.setOffline(true);
  await till.sync.expectOnline(false);

  const expected = FLOAT + cashSale.totals.paid - CASH_OUT;
  await shift.close(countFor(expected + OVER));
  await expect(page.getByTestId('shift-difference')).toHaveAttribute('data-minor', String(OVER));

  const onTill = {
    expectedCash: await shift.minor('z-expected-cash'),
    countedCash: await shift.minor('z-counted-cash'),
    grossSales: await shift.minor('z-gross-sales'),
    refundsTotal: await shift.minor('z-refunds-total'),
    netSales: await shift.minor('z-net-sales'),
    cashNet: await shift.minor('z-tender-cash-net'),
    cardNet: await shift.minor('z-tender-card-net'),
    salesCount: await shift.count('z-sales-count'),
    refundsCount: await shift.count('z-refunds-count'),
  };
  expect(onTill).toEqual({
    expectedCash: expected,
    countedCash: expected + OVER,
    grossSales: cashSale.totals.due + cardSale.totals.due,
    refundsTotal: 0,
    netSales: cashSale.totals.due + cardSale.totals.due,
    cashNet: cashSale.totals.paid,
    cardNet: cardSale.totals.paid,
    salesCount: 2,
    refundsCount: 0,
  });

  await context.setOffline(false);
  await till.sync.waitUntilSynced();

  const created = (await deviceShifts(request, token)).filter((s) => !shiftsBefore.has(s.id));
  expect(created, 'the shift is stored once').toHaveLength(1);
  const stored = await serverReport(request, token, created[0]?.id ?? '');
  expect(stored.shift.status).toBe('closed');
  expect(stored.report).toMatchObject({
    expectedCash: onTill.expectedCash,
    countedCash: onTill.countedCash,
    difference: OVER,
    grossSales: onTill.grossSales,
    refundsTotal: onTill.refundsTotal,
    netSales: onTill.netSales,
    salesCount: 2,
    refundsCount: 0,
    openingFloat: FLOAT,
    cashOut: CASH_OUT,
    tenders: { cash: { net: onTill.cashNet }, card: { net: onTill.cardNet } },
  });

  const sales = await server.sales();
  for (const record of [cashSale, cardSale]) {
    expect(sales.filter((s) => s.receiptNumber === record.receiptNumber)).toHaveLength(1);
  }
});
