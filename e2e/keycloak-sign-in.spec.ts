import { expect, test, type Page } from '@playwright/test';

import { KeycloakLoginPage } from './pages/keycloak-login-page.ts';
import { SellPage } from './pages/sell-page.ts';
import { CASHIER, MANAGER } from './pages/sign-in-page.ts';
import { SyncIndicator } from './pages/sync-indicator.ts';
import { TopBar } from './pages/top-bar.ts';
import { KEYCLOAK_URL, keycloakToken } from './support/keycloak-token.ts';
import { payCash, tapAndPay } from './support/ring-up.ts';
import { scannableProducts, ServerApi, type CatalogProduct } from './support/server-api.ts';
import { waitForServiceWorker } from './support/till-session.ts';

const CASHIER_ID = 'staff-cashier';
const MANAGER_ID = 'staff-manager';
const CASHIER_PIN = '1234';
const MANAGER_PIN = '9999';

function tillOrigin(page: Page): string {
  return new URL(page.url()).origin;
}

/** From the till's sign-in button through Keycloak's page and back to a ready till. */
async function signInThroughKeycloak(
  page: Page,
  user: { email: string; password: string },
  origin: string,
): Promise<void> {
  await page.getByTestId('login-redirect').click();
  await new KeycloakLoginPage(page, KEYCLOAK_URL).signIn(user.email, user.password, origin);
}

test('the till signs in on the Keycloak page, sells through an offline reload, switches cashier by PIN and syncs every sale once under the right name', async ({
  page,
  context,
  request,
}) => {
  const server = ServerApi.withToken(request, await keycloakToken(request, MANAGER));
  const products: CatalogProduct[] = scannableProducts(await server.products());
  const [a, b, c] = products;
  if (a === undefined || b === undefined || c === undefined) throw new Error('too few products');
  const salesBefore = new Set((await server.sales()).map((s) => s.id));

  const sell = new SellPage(page);
  const sync = new SyncIndicator(page);
  const topBar = new TopBar(page);
  const sold: { saleId: string; cashierId: string }[] = [];
  // keycloak-js throws on a second init in one page; any such error fails the test.
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto('/');
  const origin = tillOrigin(page);

  await test.step('the manager signs in on the Keycloak login page once', async () => {
    await signInThroughKeycloak(page, MANAGER, origin);
    await sell.expectVisible(60_000);
    await topBar.expectCashier('Morgan Manager');
  });

  await test.step('the cashier signs in with another account, again on the Keycloak page', async () => {
    const lock = await topBar.switchUser();
    await expect(lock.person(MANAGER_ID)).toBeVisible();
    await signInThroughKeycloak(page, CASHIER, origin);
    await sell.expectVisible(60_000);
    await topBar.expectCashier('Casey Cashier');
    await sell.waitForProduct(a.sku);
    await waitForServiceWorker(page);
  });

  await test.step('online: the cashier sells', async () => {
    const record = await payCash(await tapAndPay(sell, [a.sku]), (due) => due);
    sold.push({ saleId: record.saleId, cashierId: CASHIER_ID });
    await sync.waitUntilSynced();
  });

  await context.setOffline(true);

  await test.step('offline: a reload starts the till from the session kept on the device', async () => {
    await page.reload();
    await sell.expectVisible(60_000);
    await sync.expectOnline(false);
    await topBar.expectCashier('Casey Cashier');
    await sell.waitForProduct(b.sku);

    const record = await payCash(await tapAndPay(sell, [b.sku]), (due) => due);
    sold.push({ saleId: record.saleId, cashierId: CASHIER_ID });
    await expect(sync.root).toHaveAttribute('data-waiting', '1');
  });

  await test.step('offline: signing out is refused while a sale waits', async () => {
    await topBar.signOut();
    await expect(topBar.signOutRefused).toContainText('1 sale is still waiting to sync');
    await expect(topBar.signOutRefused).toContainText('Go online first');
    await topBar.expectCashier('Casey Cashier');
  });

  await test.step('offline: the manager unlocks with a PIN and sells under their own name', async () => {
    const lock = await topBar.switchUser();
    await expect(page.getByTestId('lock-offline-note')).toContainText('needs the network');
    await expect(page.getByTestId('login-redirect')).toHaveCount(0);
    await lock.expectRefused(MANAGER_ID, CASHIER_PIN);
    await lock.unlockAs(MANAGER_ID, MANAGER_PIN);
    await topBar.expectCashier('Morgan Manager');

    const record = await payCash(await tapAndPay(sell, [c.sku]), (due) => due);
    sold.push({ saleId: record.saleId, cashierId: MANAGER_ID });
    await expect(sync.root).toHaveAttribute('data-waiting', '2');
  });

  await test.step('offline: the cashier takes the till back with their PIN', async () => {
    const lock = await topBar.switchUser();
    await lock.unlockAs(CASHIER_ID, CASHIER_PIN);
    await topBar.expectCashier('Casey Cashier');
  });

  await test.step('online again: the waiting sales are sent without anyone doing anything', async () => {
    await context.setOffline(false);
    await sync.waitUntilSynced();
  });

  await test.step('online: a token about to run out is refreshed through Keycloak', async () => {
    // The page was loaded offline, so keycloak-js has not started yet: the refresh starts it
    // with the stored tokens. The till's clock moves on by more than the token's lifetime, and
    // the next sale's push refreshes the token before it is sent.
    const refreshed = page.waitForResponse(
      (response) =>
        response.url() === `${KEYCLOAK_URL}/realms/pos/protocol/openid-connect/token` &&
        response.request().postData()?.includes('grant_type=refresh_token') === true,
      { timeout: 30_000 },
    );
    await page.clock.install();
    await page.clock.fastForward('10:00');

    const record = await payCash(await tapAndPay(sell, [a.sku]), (due) => due);
    sold.push({ saleId: record.saleId, cashierId: CASHIER_ID });
    expect((await refreshed).status()).toBe(200);
    await sync.waitUntilSynced();
  });

  await test.step('the server holds each sale once, under the cashier who made it', async () => {
    const arrived = (await server.sales()).filter((s) => !salesBefore.has(s.id));
    const ids = arrived.map((s) => s.id);
    expect(new Set(ids).size, 'each sale once').toBe(ids.length);
    expect(ids.sort()).toEqual(sold.map((s) => s.saleId).sort());

    const byId = new Map(arrived.map((s) => [s.id, s]));
    for (const { saleId, cashierId } of sold) {
      expect(byId.get(saleId)?.cashierId, `${saleId} cashier`).toBe(cashierId);
      expect(byId.get(saleId)?.server?.status, `${saleId} accepted`).toBe('accepted');
    }
    expect(pageErrors).toEqual([]);
  });
});
