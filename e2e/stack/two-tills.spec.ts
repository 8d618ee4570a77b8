import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';

import { KeycloakLoginPage } from '../pages/keycloak-login-page.ts';
import { ProductTile } from '../pages/product-tile.ts';
import { SellPage } from '../pages/sell-page.ts';
import { CASHIER, MANAGER } from '../pages/sign-in-page.ts';
import { SyncIndicator } from '../pages/sync-indicator.ts';
import { KEYCLOAK_URL, keycloakToken } from '../support/keycloak-token.ts';
import { payCash, tapAndPay } from '../support/ring-up.ts';
import { scannableProducts, ServerApi, type CatalogProduct } from '../support/server-api.ts';
import { GATEWAY_URL, SYNC_SERVER_URLS } from '../support/stack-env.ts';
import { restartStackRedis, stopStackRedis } from '../support/stack-redis.ts';

/** Where the till reads an operator's stream pin (client/src/sync/stream-endpoints.ts). */
const STREAM_PIN_KEY = 'pos.streamUrl';
const DAY_MS = 86_400_000;

interface Till {
  context: BrowserContext;
  page: Page;
  sell: SellPage;
  sync: SyncIndicator;
  /** Page errors and alerts seen; a till that shows none of either hid nothing from the test. */
  pageErrors: string[];
}

function streamServer(index: number): string {
  const url = SYNC_SERVER_URLS[index];
  if (url === undefined) throw new Error(`SYNC_SERVER_URLS names no server #${index + 1}`);
  return url;
}

/**
 * A till in a browser context of its own (its own installation), pinned to stream from
 * `streamFrom`, signed in on Keycloak's page; resolves once its stream answered there.
 */
async function openTill(
  browser: Browser,
  user: { email: string; password: string },
  streamFrom: string,
  options: { clockOffsetMs?: number } = {},
): Promise<Till> {
  const context = await browser.newContext({
    baseURL: GATEWAY_URL,
    viewport: { width: 1024, height: 768 },
  });
  await context.addInitScript(
    ([key, url, origin]) => {
      if (window.location.origin === origin) window.localStorage.setItem(key, url);
    },
    [STREAM_PIN_KEY, streamFrom, new URL(GATEWAY_URL).origin] as const,
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (options.clockOffsetMs !== undefined) {
    await page.clock.install({ time: Date.now() + options.clockOffsetMs });
  }

  const streaming = page.waitForResponse(
    (response) => response.url() === `${streamFrom}/api/sync/stream` && response.ok(),
    { timeout: 120_000 },
  );
  await page.goto('/');
  await page.getByTestId('login-redirect').click();
  await new KeycloakLoginPage(page, KEYCLOAK_URL).signIn(
    user.email,
    user.password,
    new URL(GATEWAY_URL).origin,
  );
  const sell = new SellPage(page);
  await sell.expectVisible(60_000);
  await streaming;
  return { context, page, sell, sync: new SyncIndicator(page), pageErrors };
}

async function managerServer(request: APIRequestContext): Promise<ServerApi> {
  return ServerApi.withToken(request, await keycloakToken(request, MANAGER));
}

async function sellOne(till: Till, product: CatalogProduct): Promise<string> {
  const record = await payCash(await tapAndPay(till.sell, [product.sku]), (due) => due);
  return record.saleId;
}

test.describe('tills through the gateway', () => {
  test.use({ baseURL: GATEWAY_URL });

  test('two tills on two instances see each other’s stock move live, and every sale arrives once', async ({
    browser,
    request,
  }) => {
    test.setTimeout(420_000);
    const server = await managerServer(request);
    // From the end of the catalog: the other suites sell from its start in the same tenant.
    const products = scannableProducts(await server.products()).reverse();
    const [x, y] = products;
    if (x === undefined || y === undefined) throw new Error('too few products');
    /** Waits until a till shows what the server has on hand, i.e. it has the whole ledger. */
    const settled = async (tile: ProductTile, productId: string): Promise<number> => {
      await tile.show();
      const onHand = (await server.onHand()).get(productId) ?? 0;
      await tile.expectOnHand(onHand, 90_000);
      return onHand;
    };
    const salesBefore = new Set((await server.sales()).map((sale) => sale.id));
    const sold: string[] = [];

    const a = await openTill(browser, CASHIER, streamServer(0));
    const b = await openTill(browser, MANAGER, streamServer(1));

    try {
      const xOnB = new ProductTile(b.page, x.sku);
      const yOnA = new ProductTile(a.page, y.sku);
      await a.sell.waitForProduct(x.sku);
      await b.sell.waitForProduct(y.sku);

      await test.step('online: a sale on till A moves the stock till B shows', async () => {
        await a.sync.waitUntilSynced();
        await b.sync.waitUntilSynced();
        const before = await settled(xOnB, x.id);

        sold.push(await sellOne(a, x));
        await xOnB.expectOnHand(before - 1000);
      });

      await test.step('online: a sale on till B moves the stock till A shows', async () => {
        const before = await settled(yOnA, y.id);

        sold.push(await sellOne(b, y));
        await yOnA.expectOnHand(before - 1000);
      });

      await test.step('offline: till A keeps selling, till B hears once A is back', async () => {
        const before = await settled(xOnB, x.id);
        await a.context.setOffline(true);
        await a.sync.expectOnline(false);
        sold.push(await sellOne(a, x));
        sold.push(await sellOne(a, x));
        await expect(a.sync.root).toHaveAttribute('data-waiting', '2');
        // Nothing reached the server: till B still shows the old figure.
        await b.page.waitForTimeout(2_000);
        expect(await xOnB.onHand()).toBe(before);

        await a.context.setOffline(false);
        await a.sync.waitUntilSynced();
        await xOnB.expectOnHand(before - 2000);
      });

      await test.step('offline: till B sells too and sends it when back', async () => {
        const before = await settled(yOnA, y.id);
        await b.context.setOffline(true);
        await b.sync.expectOnline(false);
        sold.push(await sellOne(b, y));
        await b.context.setOffline(false);
        await b.sync.waitUntilSynced();
        await yOnA.expectOnHand(before - 1000);
      });

      await test.step('the server holds every sale once', async () => {
        // Other suites may sell in the same tenant meanwhile: only this test's sales count.
        const ours = new Set(sold);
        let arrived: string[] = [];
        await expect
          .poll(
            async () => {
              arrived = (await server.sales(500))
                .map((sale) => sale.id)
                .filter((id) => ours.has(id) && !salesBefore.has(id));
              return new Set(arrived).size;
            },
            { timeout: 30_000, message: 'sales reaching the server' },
          )
          .toBe(sold.length);
        expect(arrived.length, 'each sale once').toBe(sold.length);
        expect([...arrived].sort()).toEqual([...sold].sort());
      });

      expect(a.pageErrors).toEqual([]);
      expect(b.pageErrors).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  test('Redis stopping and coming back mid-run shows no error on the till', async ({
    browser,
    request,
  }) => {
    const server = await managerServer(request);
    const [x] = scannableProducts(await server.products()).reverse();
    if (x === undefined) throw new Error('no products');
    const till = await openTill(browser, CASHIER, streamServer(0));
    const errorShown = till.page.locator(
      '[role="alert"], [data-testid="sync-indicator"][data-phase="error"]',
    );

    try {
      await till.sell.waitForProduct(x.sku);
      await till.sync.waitUntilSynced();

      await stopStackRedis();
      try {
        await test.step('Redis down: the till sells and syncs as before', async () => {
          await sellOne(till, x);
          await till.sync.waitUntilSynced();
          await till.page.waitForTimeout(3_000);
          await expect(errorShown).toHaveCount(0);
        });
      } finally {
        await restartStackRedis();
      }

      await test.step('Redis back: still no error, and sales keep syncing', async () => {
        await sellOne(till, x);
        await till.sync.waitUntilSynced();
        await till.page.waitForTimeout(3_000);
        await expect(errorShown).toHaveCount(0);
        await expect(till.sync.root).toHaveAttribute('data-online', 'true');
      });
      expect(till.pageErrors).toEqual([]);
    } finally {
      await till.context.close();
    }
  });

  test('a till whose clock is three days behind says so in the top bar', async ({ browser }) => {
    const till = await openTill(browser, CASHIER, streamServer(1), { clockOffsetMs: -3 * DAY_MS });
    try {
      await expect(till.page.getByTestId('clock-warning')).toContainText(
        "This till's clock is 3 days behind the server",
        { timeout: 30_000 },
      );
    } finally {
      await till.context.close();
    }
  });
});
