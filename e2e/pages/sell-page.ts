import { expect, type Locator, type Page } from '@playwright/test';

import { PaymentPage } from './payment-page.ts';

/**
 * Waits until the page has had a few quiet moments. Playwright sends keys one at a time and
 * waits for each, so a page busy starting up (or replicating) would stretch a scan's burst
 * far beyond what a real scanner, whose keys carry their own time stamps, ever shows.
 */
export async function waitUntilIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const giveUpAt = performance.now() + 5000;
        let quiet = 0;
        const check = (deadline: IdleDeadline) => {
          quiet = deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
          if (quiet >= 5 || performance.now() > giveUpAt) resolve();
          else requestIdleCallback(check, { timeout: 500 });
        };
        requestIdleCallback(check, { timeout: 500 });
      }),
  );
}

export class SellPage {
  readonly search: Locator;
  readonly barcodeInput: Locator;
  readonly cartLines: Locator;
  readonly total: Locator;
  readonly scanError: Locator;

  constructor(private readonly page: Page) {
    this.search = page.getByTestId('product-search');
    this.barcodeInput = page.getByTestId('barcode-input');
    this.cartLines = page.getByTestId('cart-line');
    this.total = page.getByTestId('cart-total');
    this.scanError = page.getByTestId('scan-error');
  }

  async expectVisible(timeout = 30_000): Promise<void> {
    await expect(this.page.getByTestId('sell-screen')).toBeVisible({ timeout });
  }

  /** Waits until replication has brought the catalog down far enough to find this product. */
  async waitForProduct(sku: string, timeout = 90_000): Promise<void> {
    await this.search.fill(sku);
    await expect(this.page.getByTestId(`product-tile-${sku}`)).toBeVisible({ timeout });
    await this.search.fill('');
  }

  /**
   * Types the code the way a keyboard-wedge scanner does: one fast burst of keys and Enter,
   * into whatever has focus.
   */
  async scan(code: string): Promise<void> {
    await waitUntilIdle(this.page);
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  async tapProduct(sku: string): Promise<void> {
    await this.search.fill(sku);
    await this.page.getByTestId(`product-tile-${sku}`).click();
    await this.search.fill('');
  }

  line(sku: string): Locator {
    return this.page.locator(`[data-testid="cart-line"][data-sku="${sku}"]`);
  }

  async expectLine(sku: string, quantity: number): Promise<void> {
    await expect(this.line(sku)).toHaveAttribute('data-quantity', String(quantity));
  }

  async totalMinor(): Promise<number> {
    return Number(await this.total.getAttribute('data-minor'));
  }

  async pay(): Promise<PaymentPage> {
    await this.page.getByTestId('pay-button').click();
    const payment = new PaymentPage(this.page);
    await payment.expectVisible();
    return payment;
  }
}
