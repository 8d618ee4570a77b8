import { expect, test, type APIRequestContext } from '@playwright/test';

import { HistoryPage } from './pages/history-page.ts';
import { nextNote, payCard, payCash, tapAndPay } from './support/ring-up.ts';
import {
  expectServerMatches,
  expectStockDropped,
  newServerSales,
  SaleLedger,
} from './support/sale-ledger.ts';
import {
  ean13Of,
  scaleLabel,
  scannableProducts,
  ServerApi,
  weighedProduct,
  type CatalogProduct,
} from './support/server-api.ts';
import { openTill, waitForServiceWorker } from './support/till-session.ts';

/** A valid EAN-13 (a real publisher's code) the demo catalog does not carry. */
const UNKNOWN_EAN = '4006381333931';

interface Setup {
  server: ServerApi;
  catalog: CatalogProduct[];
  /** Taxed and untaxed products taking turns, so sales mix tax rates. */
  products: CatalogProduct[];
  salesBefore: Set<string>;
  onHandBefore: Map<string, number>;
}

async function setUp(request: APIRequestContext): Promise<Setup> {
  const server = await ServerApi.asManager(request);
  const catalog = await server.products();
  const scannable = scannableProducts(catalog);
  const taxed = scannable.filter((p) => p.taxRateIds.length > 0);
  const untaxed = scannable.filter((p) => p.taxRateIds.length === 0);
  const products = taxed.flatMap((p, i) => [p, untaxed[i]]).filter((p) => p !== undefined);
  expect(products.length, 'scannable products in the demo catalog').toBeGreaterThanOrEqual(40);
  expect(catalog.some((p) => p.barcodes.includes(UNKNOWN_EAN))).toBe(false);

  const salesBefore = new Set((await server.sales()).map((s) => s.id));
  return { server, catalog, products, salesBefore, onHandBefore: await server.onHand() };
}

function pick(products: readonly CatalogProduct[], index: number): CatalogProduct {
  const product = products[index];
  if (product === undefined) throw new Error(`no product #${index}`);
  return product;
}

test('a till keeps selling offline, survives a reload and syncs every sale once', async ({
  page,
  context,
  request,
}) => {
  const { server, catalog, products, salesBefore, onHandBefore } = await setUp(request);
  const weighed = weighedProduct(catalog);
  const [a, b, c, d, e, f] = [0, 1, 2, 3, 4, 5].map((i) => pick(products, i * 3));
  if (!a || !b || !c || !d || !e || !f) throw new Error('not enough products');
  const ledger = new SaleLedger();

  const till = await openTill(page, { signIn: true, waitForSku: a.sku });
  const { sell, sync } = till;
  await waitForServiceWorker(page);

  await test.step('online: scan into a focused search box, unknown code, cash with change', async () => {
    await sell.search.click();
    await sell.scan(ean13Of(a));
    await sell.expectLine(a.sku, 1000);
    await expect(sell.search).toHaveValue('');

    await sell.scan(UNKNOWN_EAN);
    await expect(sell.scanError).toContainText(`Unknown barcode ${UNKNOWN_EAN}`);
    await expect(sell.cartLines).toHaveCount(1);

    const record = await payCash(await sell.pay(), (due) => nextNote(due, 1000));
    ledger.add(record, { [a.id]: 1000 });
  });

  await context.setOffline(true);
  await sync.expectOnline(false);

  await test.step('offline: cash exact, with a repeated scan and a scale label', async () => {
    await sell.scan(ean13Of(b));
    await sell.scan(ean13Of(c));
    await sell.scan(ean13Of(c));
    await sell.expectLine(c.sku, 2000);
    await sell.scan(scaleLabel(weighed.itemCode, 1250));
    await sell.expectLine(weighed.product.sku, 1250);

    const payment = await sell.pay();
    await payment.cashDue();
    // A scan while paying must not land in "Cash handed over" (QA: payment screen).
    await page.getByTestId('tendered-input').click();
    await sell.scan(ean13Of(a));
    await expect(page.getByTestId('payment-error')).toHaveText(
      'Finish or go back to the cart to scan',
    );
    await expect(page.getByTestId('tendered-input')).toHaveValue('');
    // An empty cash field is exact cash, as its placeholder shows.
    const receipt = await payment.complete();
    const record = await receipt.record();
    expect(record.totals.change).toBe(0);
    await receipt.newSale();
    ledger.add(record, { [b.id]: 1000, [c.id]: 2000, [weighed.product.id]: 1250 });
  });

  await test.step('offline: split tender, part card and the rest in cash', async () => {
    const payment = await tapAndPay(sell, [d.sku, e.sku]);
    const total = await payment.totalMinor();
    const cardPart = Math.floor(total / 2);

    await payment.addCard(cardPart, 'E2E-SPLIT-1');
    await expect(page.getByTestId('payment-row')).toHaveCount(1);

    const record = await payCash(payment, (due) => nextNote(due, 500));
    expect(record.totals.paid).toBe(record.totals.due);
    ledger.add(record, { [d.id]: 1000, [e.id]: 1000 });
  });

  await test.step('offline: card for the whole sale', async () => {
    await sell.scan(ean13Of(f));
    await sell.expectLine(f.sku, 1000);

    const record = await payCard(await sell.pay(), 'E2E-CARD-2');
    ledger.add(record, { [f.id]: 1000 });
  });

  await test.step('offline: reload, still signed in, sell again', async () => {
    expect(await sync.waiting()).toBeGreaterThan(0);

    await page.reload();
    await sell.expectVisible();
    await sell.waitForProduct(a.sku, 30_000);
    await sync.expectOnline(false);

    await sell.scan(ean13Of(a));
    await sell.expectLine(a.sku, 1000);
    const record = await payCash(await sell.pay(), (due) => nextNote(due, 2000));
    ledger.add(record, { [a.id]: 1000 });
  });

  await context.setOffline(false);
  await sync.waitUntilSynced();

  await test.step('the server has each sale once, with the totals the till printed', async () => {
    expect(ledger.receipts).toHaveLength(5);
    const fresh = await newServerSales(server, salesBefore, 5);
    expectServerMatches(ledger, fresh);
    expectStockDropped(onHandBefore, await server.onHand(), ledger.soldQuantities());
  });

  await test.step('the history lists every sale, newest first, as synced', async () => {
    const history = new HistoryPage(page);
    await history.open();

    const numbers = ledger.receipts.map((r) => r.receiptNumber);
    await expect(history.rows).toHaveCount(numbers.length);
    const shown = await history.rows.evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-receipt-number')),
    );
    expect(shown).toEqual([...numbers].reverse());

    for (const number of numbers) await history.expectSynced(number);
    await history.openReceipt(numbers[2] ?? '');
    await history.backToSell();
  });
});

test('two tabs of one till sell side by side, offline and online, without clashing', async ({
  page,
  context,
  request,
}) => {
  const { server, products, salesBefore, onHandBefore } = await setUp(request);
  const [a, b, c, d] = [0, 1, 2, 3].map((i) => pick(products, 21 + i * 3));
  if (!a || !b || !c || !d) throw new Error('not enough products');
  const ledger = new SaleLedger();

  const first = await openTill(page, { signIn: true, waitForSku: a.sku });
  await waitForServiceWorker(page);
  const second = await openTill(await context.newPage(), { signIn: false, waitForSku: b.sku });

  await test.step('online: both tabs finish a sale at the same time', async () => {
    const [one, two] = await Promise.all([
      tapAndPay(first.sell, [a.sku]),
      tapAndPay(second.sell, [b.sku]),
    ]);
    const records = await Promise.all([payCash(one, (due) => due), payCard(two, 'TAB-2-A')]);
    ledger.add(records[0], { [a.id]: 1000 });
    ledger.add(records[1], { [b.id]: 1000 });
  });

  await context.setOffline(true);
  await Promise.all([first.sync.expectOnline(false), second.sync.expectOnline(false)]);

  await test.step('offline: both tabs keep selling at the same time', async () => {
    for (const [x, y] of [
      [c, d],
      [d, c],
    ] as const) {
      const [one, two] = await Promise.all([
        tapAndPay(first.sell, [x.sku]),
        tapAndPay(second.sell, [y.sku, y.sku]),
      ]);
      const records = await Promise.all([
        payCard(one, 'TAB-1-OFF'),
        payCash(two, (due) => nextNote(due, 1000)),
      ]);
      ledger.add(records[0], { [x.id]: 1000 });
      ledger.add(records[1], { [y.id]: 2000 });
    }
  });

  await context.setOffline(false);
  await Promise.all([first.sync.waitUntilSynced(), second.sync.waitUntilSynced()]);

  await test.step('the server has all six sales once, with distinct receipt numbers', async () => {
    expect(ledger.receipts).toHaveLength(6);
    const fresh = await newServerSales(server, salesBefore, 6);
    expectServerMatches(ledger, fresh);
    expectStockDropped(onHandBefore, await server.onHand(), ledger.soldQuantities());
  });
});
