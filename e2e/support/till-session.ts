import { expect, type Page } from '@playwright/test';

import { SellPage } from '../pages/sell-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { SyncIndicator } from '../pages/sync-indicator.ts';

export interface Till {
  page: Page;
  sell: SellPage;
  sync: SyncIndicator;
}

/**
 * Waits until the service worker has precached the app and is active, so a reload without a
 * network is served from it.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return registration?.active?.state ?? 'none';
        }),
      { timeout: 60_000, message: 'the service worker never became active' },
    )
    .toBe('activated');
}

/** Opens the till in `page`, signing in if the session is not cached yet. */
export async function openTill(
  page: Page,
  options: { signIn: boolean; waitForSku: string },
): Promise<Till> {
  await page.goto('/');

  if (options.signIn) await new SignInPage(page).signIn();

  const sell = new SellPage(page);
  await sell.expectVisible(60_000);
  await sell.waitForProduct(options.waitForSku);

  return { page, sell, sync: new SyncIndicator(page) };
}
