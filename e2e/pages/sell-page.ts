import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';

import { PaymentPage } from './payment-page.ts';

const SCANNER_KEY_GAP_S = 0.005;

interface Key {
  key: string;
  code: string;
  text: string;
}

function keyCode(char: string): string {
  return /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`;
}

async function pressKey(cdp: CDPSession, key: Key, at: number): Promise<void> {
  const virtualKey = key.key === 'Enter' ? 13 : key.key.toUpperCase().charCodeAt(0);
  const common = { key: key.key, code: key.code, windowsVirtualKeyCode: virtualKey };
  await cdp.send('Input.dispatchKeyEvent', {
    type: 'keyDown',
    text: key.text,
    timestamp: at,
    ...common,
  });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: at + 0.001, ...common });
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
   * Types the code the way a keyboard-wedge scanner does: one burst of keys a few milliseconds
   * apart, then Enter, into whatever has focus. The keys go through the browser's real input
   * pipeline with the scanner's own time stamps, so a busy machine cannot stretch the burst.
   */
  async scan(code: string): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    let at = Date.now() / 1000;

    try {
      for (const char of code) {
        await pressKey(cdp, { key: char, code: keyCode(char), text: char }, at);
        at += SCANNER_KEY_GAP_S;
      }
      await pressKey(cdp, { key: 'Enter', code: 'Enter', text: '\r' }, at);
    } finally {
      await cdp.detach();
    }
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
