import { expect, type Locator, type Page } from '@playwright/test';

import type { ServerTotals } from '../support/server-api.ts';

/** The totals a receipt shows, read from the `data-minor` of each figure: the server's shape. */
export type ReceiptTotals = ServerTotals;

export interface ReceiptRecord {
  saleId: string;
  receiptNumber: string;
  totals: ReceiptTotals;
}

export class ReceiptPage {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('receipt');
  }

  async expectVisible(): Promise<void> {
    await expect(this.root).toBeVisible({ timeout: 30_000 });
  }

  private async minor(testId: string, fallback: number): Promise<number> {
    const figure = this.root.getByTestId(testId);
    if ((await figure.count()) === 0) return fallback;
    return Number(await figure.getAttribute('data-minor'));
  }

  async record(): Promise<ReceiptRecord> {
    const saleId = (await this.root.getAttribute('data-sale-id')) ?? '';
    const receiptNumber = (await this.root.getByTestId('receipt-number').textContent()) ?? '';

    const taxRows = await this.root.getByTestId('receipt-tax').all();
    const taxes = await Promise.all(
      taxRows.map(async (row) => ({
        taxRateId: (await row.getAttribute('data-tax-rate-id')) ?? '',
        amount: Number(await row.getAttribute('data-minor')),
      })),
    );

    const total = await this.minor('receipt-total', Number.NaN);
    const cashRounding = await this.minor('receipt-cash-rounding', 0);
    const totals: ReceiptTotals = {
      subtotal: await this.minor('receipt-subtotal', Number.NaN),
      discountTotal: await this.minor('receipt-discount-total', 0),
      taxTotal: await this.minor('receipt-tax-total', Number.NaN),
      total,
      taxes,
      cashRounding,
      due: await this.minor('receipt-due', total + cashRounding),
      paid: await this.minor('receipt-paid', Number.NaN),
      change: await this.minor('receipt-change', Number.NaN),
    };

    return { saleId, receiptNumber: receiptNumber.trim(), totals };
  }

  async newSale(): Promise<void> {
    await this.page.getByTestId('new-sale').click();
    await expect(this.page.getByTestId('sell-screen')).toBeVisible();
  }
}
