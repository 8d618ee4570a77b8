import { expect, type Locator, type Page } from '@playwright/test';

/** What a refund receipt shows, read from the `data-minor` of each figure. */
export interface RefundReceipt {
  refundId: string;
  receiptNumber: string;
  total: number;
  cashRounding: number;
  /** What the refund owes the customer. */
  due: number;
  /** "Paid back": what left the till. */
  paidBack: number;
  /** Each tender paid back, as printed. */
  tenders: string[];
}

/**
 * The refund screen of one sale, opened from History by someone who may refund (a manager at
 * the till), and the refund receipt it ends on.
 */
export class RefundPage {
  readonly root: Locator;
  readonly lines: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('refund-screen');
    this.lines = page.getByTestId('refund-line');
    this.error = page.getByTestId('refund-error');
  }

  async expectVisible(): Promise<void> {
    await expect(this.root).toBeVisible();
  }

  /** The quantity box of the sold line with this name (line names are unique in our sales). */
  quantity(name: string): Locator {
    return this.lines.filter({ hasText: name }).getByTestId('refund-qty-input');
  }

  async setQuantity(name: string, text: string): Promise<void> {
    await this.quantity(name).fill(text);
  }

  async payBack(tender: 'original' | 'cash'): Promise<void> {
    await this.page.getByTestId(`refund-tender-${tender}`).click();
    await expect(this.page.getByTestId(`refund-tender-${tender}`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }

  /** What the preview says goes back, summed over the tenders. */
  async previewPayBack(): Promise<number> {
    const amounts = await this.page
      .getByTestId('refund-payback')
      .evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-minor'))));
    return amounts.reduce((sum, amount) => sum + amount, 0);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('refund-submit').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('refund-cancel').click();
    await expect(this.root).toBeHidden();
  }

  async expectError(text: string | RegExp): Promise<void> {
    await expect(this.error).toBeVisible();
    await expect(this.error).toContainText(text);
  }

  /** The refund receipt History opens on once the refund is saved. */
  async receipt(): Promise<RefundReceipt> {
    const receipt = this.page.locator('[data-testid="receipt"][data-kind="refund"]');
    await expect(receipt).toBeVisible({ timeout: 30_000 });
    await expect(receipt.getByTestId('receipt-refund-banner')).toBeVisible();

    const minor = async (testId: string): Promise<number | null> => {
      const figure = receipt.getByTestId(testId);
      if ((await figure.count()) === 0) return null;
      return Number(await figure.getAttribute('data-minor'));
    };
    const total = (await minor('receipt-total')) ?? Number.NaN;
    const cashRounding = (await minor('receipt-cash-rounding')) ?? 0;
    return {
      refundId: (await receipt.getAttribute('data-sale-id')) ?? '',
      receiptNumber: ((await receipt.getByTestId('receipt-number').textContent()) ?? '').trim(),
      total,
      cashRounding,
      due: (await minor('receipt-due')) ?? total + cashRounding,
      paidBack: (await minor('receipt-paid')) ?? Number.NaN,
      tenders: (await receipt.getByTestId('receipt-tender').allTextContents()).map((t) => t.trim()),
    };
  }
}
