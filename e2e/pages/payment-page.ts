import { expect, type Locator, type Page } from '@playwright/test';

import { ReceiptPage } from './receipt-page.ts';

/** Minor units as the cashier types them: 2000 -> "20.00". */
export function typedAmount(minor: number): string {
  const whole = Math.trunc(minor / 100);
  const cents = String(minor % 100).padStart(2, '0');
  return `${whole}.${cents}`;
}

async function minorOf(locator: Locator): Promise<number> {
  return Number(await locator.getAttribute('data-minor'));
}

export class PaymentPage {
  readonly changeDue: Locator;

  constructor(private readonly page: Page) {
    this.changeDue = page.getByTestId('change-due');
  }

  async expectVisible(): Promise<void> {
    await expect(this.page.getByTestId('payment-screen')).toBeVisible();
  }

  async totalMinor(): Promise<number> {
    return minorOf(this.page.getByTestId('payment-total'));
  }

  /** What is left to pay in cash, rounded to the store's cash step. */
  async cashDue(): Promise<number> {
    await this.page.getByTestId('pay-cash').click();
    return minorOf(this.page.getByTestId('cash-due'));
  }

  async addCash(tendered: number): Promise<void> {
    await this.page.getByTestId('pay-cash').click();
    await this.page.getByTestId('tendered-input').fill(typedAmount(tendered));
    await this.page.getByTestId('add-payment').click();
  }

  async addCard(amount: number | null, reference: string): Promise<void> {
    await this.page.getByTestId('pay-card').click();
    if (amount !== null) {
      await this.page.getByTestId('card-amount-input').fill(typedAmount(amount));
    }
    await this.page.getByTestId('card-reference-input').fill(reference);
    await this.page.getByTestId('add-payment').click();
  }

  async expectChange(minor: number): Promise<void> {
    await expect(this.changeDue).toHaveAttribute('data-minor', String(minor));
  }

  async complete(): Promise<ReceiptPage> {
    await this.page.getByTestId('complete-sale').click();
    const receipt = new ReceiptPage(this.page);
    await receipt.expectVisible();
    return receipt;
  }
}
