import { expect, type Locator, type Page } from '@playwright/test';

export class HistoryPage {
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('history-row');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-history').click();
    await expect(this.page.getByTestId('history-screen')).toBeVisible();
  }

  row(receiptNumber: string): Locator {
    return this.page.locator(`[data-testid="history-row"][data-receipt-number="${receiptNumber}"]`);
  }

  async expectSynced(receiptNumber: string): Promise<void> {
    await expect(this.row(receiptNumber)).toHaveAttribute('data-sync-state', 'synced', {
      timeout: 30_000,
    });
  }

  /** Opens a sale's receipt for a reprint and checks it is the right one. */
  async openReceipt(receiptNumber: string): Promise<void> {
    await this.row(receiptNumber).click();
    await expect(this.page.getByTestId('receipt-number')).toHaveText(receiptNumber);
    await expect(this.page.getByTestId('history-print')).toBeVisible();
  }

  /** The open sale's Refund button, and why it is disabled when it is. */
  refundButton(): Locator {
    return this.page.getByTestId('refund-start');
  }

  refundRefused(): Locator {
    return this.page.getByTestId('refund-refused');
  }

  async backToSell(): Promise<void> {
    await this.page.getByTestId('nav-sell').click();
    await expect(this.page.getByTestId('sell-screen')).toBeVisible();
  }
}
