import { expect, test } from '@playwright/test';

import { HistoryPage } from './pages/history-page.ts';
import { RefundPage, type RefundReceipt } from './pages/refund-page.ts';
import { ShiftPage } from './pages/shift-page.ts';
import { MANAGER, SignInPage } from './pages/sign-in-page.ts';
import { TopBar } from './pages/top-bar.ts';
import { payCard, payCash, tapAndPay } from './support/ring-up.ts';
import { scannableProducts, ServerApi, type ServerSale } from './support/server-api.ts';
import { openTill } from './support/till-session.ts';

const CAD_NOTES = [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5];
const FLOAT = 200_00;
const CASH_OUT = 25_00;
/** The drawer is counted this much over what it should hold. */
const OVER = 1_00;
const CASHIER_PIN = '1234';
const MANAGER_PIN = '9999';
const CASHIER_ID = 'staff-cashier';

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

const paidIn = (doc: ServerSale, method: 'cash' | 'card') =>
  doc.payments.filter((p) => p.method === method).reduce((sum, p) => sum + p.amount, 0);
const sum = (docs: readonly ServerSale[], pick: (doc: ServerSale) => number) =>
  docs.reduce((total, doc) => total + pick(doc), 0);

test('a shift sells in cash and card, refunds part of a sale offline after a manager unlocks with a PIN, and its Z report matches the server to the cent', async ({
  page,
  context,
  request,
}) => {
  const server = await ServerApi.asManager(request);
  const managerId = await server.userId();
  const products = scannableProducts(await server.products());
  // A taxed and an untaxed product, so the partial refund prorates tax too.
  const a = products.find((p) => p.taxRateIds.length > 0);
  const b = products.find((p) => p.taxRateIds.length === 0);
  if (a === undefined || b === undefined) throw new Error('the demo catalog is too small');
  expect(a.name, 'the two products are told apart by name').not.toBe(b.name);
  const shiftsBefore = new Set(await server.shiftIds());
  const salesBefore = new Set((await server.sales()).map((s) => s.id));

  const till = await openTill(page, { signIn: true, waitForSku: a.sku });
  const shift = new ShiftPage(page);
  const history = new HistoryPage(page);
  const refunds = new RefundPage(page);
  const topBar = new TopBar(page);

  await test.step('the manager signs in on this till once, then the cashier unlocks it', async () => {
    const lock = await topBar.switchUser();
    await page.getByTestId('lock-other-account').click();
    await new SignInPage(page).signIn(MANAGER.email, MANAGER.password);
    await topBar.expectCashier('Morgan Manager');

    const again = await topBar.switchUser();
    await again.unlockAs(CASHIER_ID, CASHIER_PIN);
    await topBar.expectCashier('Casey Cashier');
    await expect(lock.root).toBeHidden();
  });

  await shift.open('200.00');

  // Two of a and one of b in cash (so one line can be given back in part), b again by card.
  await page.getByTestId('nav-sell').click();
  await till.sell.expectVisible();
  const cashPayment = await tapAndPay(till.sell, [a.sku, a.sku, b.sku]);
  const cashSale = await payCash(cashPayment, (due) => due);
  const cardSale = await payCard(await tapAndPay(till.sell, [b.sku]), 'APPROVED-1');
  expect(cashSale.totals.paid).toBe(cashSale.totals.due);

  await shift.show();
  await shift.cashMovement('out', '25.00', 'Window cleaner');

  await context.setOffline(true);
  await till.sync.expectOnline(false);

  let refund: RefundReceipt | undefined;
  await test.step('offline: a partial refund of the cash sale, by the manager after a PIN unlock', async () => {
    await history.open();
    await history.row(cashSale.receiptNumber).click();
    // A cashier is not offered a refund: the server would refuse it.
    await expect(history.refundButton()).toBeDisabled();
    await expect(history.refundRefused()).toContainText('Refunds need a manager');
    await expect(history.refundRefused()).toContainText('unlock the till with their PIN');

    const lock = await topBar.switchUser();
    await lock.expectRefused(managerId, CASHIER_PIN);
    await lock.unlockAs(managerId, MANAGER_PIN);
    await topBar.expectCashier('Morgan Manager');

    await history.open();
    await history.row(cashSale.receiptNumber).click();
    await expect(history.refundRefused()).toHaveCount(0);
    await history.refundButton().click();
    await refunds.expectVisible();

    // Everything still refundable is proposed: 2 of a, 1 of b. Give back one a and the b.
    await expect(refunds.lines).toHaveCount(2);
    await expect(refunds.quantity(a.name)).toHaveValue('2');
    await expect(refunds.quantity(b.name)).toHaveValue('1');
    await refunds.setQuantity(a.name, '1');
    await refunds.payBack('cash');
    const previewed = await refunds.previewPayBack();
    expect(previewed).toBeGreaterThan(0);
    expect(previewed).toBeLessThan(cashSale.totals.due);

    await refunds.submit();

    refund = await refunds.receipt();
    expect(refund.paidBack, 'the receipt pays back what the preview showed').toBe(previewed);
    expect(refund.paidBack, 'a refund is paid back in full').toBe(refund.due);
    expect(refund.due - refund.total).toBe(refund.cashRounding);
    expect(refund.tenders).toHaveLength(1);
    expect(refund.tenders[0]).toContain('Cash');
    expect(refund.receiptNumber).not.toBe(cashSale.receiptNumber);
    await expect(history.row(refund.receiptNumber)).toHaveAttribute('data-kind', 'refund');
  });

  await test.step('offline: what was given back cannot be refunded again', async () => {
    await history.row(cashSale.receiptNumber).click();
    await expect(page.getByTestId('history-refunds')).toContainText(refund?.receiptNumber ?? '?');
    await page.getByTestId('refund-start').click();
    await refunds.expectVisible();
    await expect(refunds.quantity(a.name)).toHaveValue('1');
    await expect(refunds.quantity(b.name)).toHaveValue('0');

    await refunds.setQuantity(a.name, '0');
    await refunds.setQuantity(b.name, '1');
    await refunds.submit();
    await refunds.expectError(`Only 0 of ${b.name} can still be refunded, not 1`);
    await refunds.cancel();
    await expect(page.locator('[data-testid="history-row"][data-kind="refund"]')).toHaveCount(1);
  });
  if (refund === undefined) throw new Error('no refund receipt');

  const expected = FLOAT + cashSale.totals.paid - refund.paidBack - CASH_OUT;
  await shift.show();
  await shift.close(countFor(expected + OVER));
  await expect(page.getByTestId('shift-difference')).toHaveAttribute('data-minor', String(OVER));

  const onTill = {
    expectedCash: await shift.minor('z-expected-cash'),
    countedCash: await shift.minor('z-counted-cash'),
    grossSales: await shift.minor('z-gross-sales'),
    refundsTotal: await shift.minor('z-refunds-total'),
    netSales: await shift.minor('z-net-sales'),
    cashRounding: await shift.minor('z-cash-rounding'),
    cashNet: await shift.minor('z-tender-cash-net'),
    cardNet: await shift.minor('z-tender-card-net'),
    openingFloat: await shift.minor('z-opening-float'),
    cashOut: await shift.minor('z-cash-out'),
    salesCount: await shift.count('z-sales-count'),
    refundsCount: await shift.count('z-refunds-count'),
  };
  const gross = cashSale.totals.due + cardSale.totals.due;
  expect(onTill).toEqual({
    expectedCash: expected,
    countedCash: expected + OVER,
    grossSales: gross,
    refundsTotal: refund.due,
    netSales: gross - refund.due,
    cashRounding: cashSale.totals.cashRounding + cardSale.totals.cashRounding - refund.cashRounding,
    cashNet: cashSale.totals.paid - refund.paidBack,
    cardNet: cardSale.totals.paid,
    openingFloat: FLOAT,
    cashOut: CASH_OUT,
    salesCount: 2,
    refundsCount: 1,
  });

  await context.setOffline(false);
  await till.sync.waitUntilSynced();

  const created = (await server.shiftIds()).filter((id) => !shiftsBefore.has(id));
  expect(created, 'the shift is stored once').toHaveLength(1);
  const shiftId = created[0] ?? '';

  await test.step('the server Z report equals the till one, to the cent', async () => {
    const stored = await server.shiftReport(shiftId);
    expect(stored.shift.status).toBe('closed');
    expect(stored.report).toMatchObject({
      shiftId,
      expectedCash: onTill.expectedCash,
      countedCash: onTill.countedCash,
      difference: OVER,
      grossSales: onTill.grossSales,
      refundsTotal: onTill.refundsTotal,
      netSales: onTill.netSales,
      cashRoundingTotal: onTill.cashRounding,
      salesCount: 2,
      refundsCount: 1,
      openingFloat: FLOAT,
      cashIn: 0,
      cashOut: CASH_OUT,
      tenders: {
        cash: { net: onTill.cashNet, refunds: refund?.paidBack },
        card: { net: onTill.cardNet, refunds: 0 },
      },
    });
  });

  await test.step('the server report is the sum of the shift documents, stored once each', async () => {
    const all = await server.sales();
    const docs = all.filter((d) => d.shiftId === shiftId);
    expect(docs.every((d) => !salesBefore.has(d.id))).toBe(true);
    const ids = docs.map((d) => d.id);
    expect(new Set(ids).size, 'each document id once').toBe(ids.length);
    expect(all.filter((d) => ids.includes(d.id))).toHaveLength(ids.length);
    const numbers = docs.map((d) => d.receiptNumber);
    expect(new Set(numbers).size, 'receipt numbers distinct').toBe(numbers.length);
    expect(numbers.sort()).toEqual(
      [cashSale.receiptNumber, cardSale.receiptNumber, refund?.receiptNumber].sort(),
    );

    const sales = docs.filter((d) => d.kind === 'sale');
    const refundDocs = docs.filter((d) => d.kind === 'refund');
    expect(sales.map((d) => d.id).sort()).toEqual([cashSale.saleId, cardSale.saleId].sort());
    expect(refundDocs).toHaveLength(1);

    const { report } = await server.shiftReport(shiftId);
    const grossSales = sum(sales, (d) => d.totals.due);
    const refundsTotal = sum(refundDocs, (d) => d.totals.due);
    const cashNet =
      sum(sales, (d) => paidIn(d, 'cash')) - sum(refundDocs, (d) => paidIn(d, 'cash'));
    const cardNet =
      sum(sales, (d) => paidIn(d, 'card')) - sum(refundDocs, (d) => paidIn(d, 'card'));
    expect({
      grossSales: report.grossSales,
      refundsTotal: report.refundsTotal,
      netSales: report.netSales,
      cashNet: report.tenders.cash.net,
      cardNet: report.tenders.card.net,
      expectedCash: report.expectedCash,
    }).toEqual({
      grossSales,
      refundsTotal,
      netSales: grossSales - refundsTotal,
      cashNet,
      cardNet,
      expectedCash: FLOAT + cashNet - CASH_OUT,
    });
    const taxes = new Map<string, number>();
    for (const doc of docs) {
      for (const tax of doc.totals.taxes) {
        const signed = doc.kind === 'refund' ? -tax.amount : tax.amount;
        taxes.set(tax.taxRateId, (taxes.get(tax.taxRateId) ?? 0) + signed);
      }
    }
    expect(taxes.size, 'the shift collected tax').toBeGreaterThan(0);
    expect(new Map(report.taxes.map((t) => [t.taxRateId, t.amount]))).toEqual(taxes);
    for (const doc of docs) {
      expect(doc.server?.status, `${doc.receiptNumber} on the server`).toBe('accepted');
      const { taxes, ...figures } = doc.totals;
      expect(doc.server?.totals, `${doc.receiptNumber} recomputed`).toMatchObject(figures);
      expect(
        doc.server?.totals.taxes.map((t) => [t.taxRateId, t.amount]),
        `${doc.receiptNumber} taxes`,
      ).toEqual(taxes.map((t) => [t.taxRateId, t.amount]));
    }
  });

  await test.step('the refund is stored once, made and approved by the manager, as the receipt showed', async () => {
    const stored = (await server.sales()).filter((d) => d.id === refund?.refundId);
    expect(stored).toHaveLength(1);
    const doc = stored[0];
    expect(doc).toMatchObject({
      kind: 'refund',
      receiptNumber: refund?.receiptNumber,
      refundOfSaleId: cashSale.saleId,
      approvedBy: managerId,
      cashierId: managerId,
      shiftId,
      server: { status: 'accepted' },
      totals: {
        total: refund?.total,
        cashRounding: refund?.cashRounding,
        due: refund?.paidBack,
        paid: refund?.paidBack,
      },
    });
    const bySku = (x: { sku: string }, y: { sku: string }) => x.sku.localeCompare(y.sku);
    expect(doc?.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })).sort(bySku)).toEqual(
      [
        { sku: a.sku, quantity: 1000 },
        { sku: b.sku, quantity: 1000 },
      ].sort(bySku),
    );
    expect(await server.quarantine(), 'nothing quarantined').toEqual([]);
  });
});
