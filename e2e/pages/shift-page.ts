import { expect, type Locator, type Page } from '@playwright/test';

/** The Shift tab: open with a float, cash in/out, count and close, read the Z report. */
export class ShiftPage {
  readonly status: Locator;
  readonly report: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId('shift-status');
    this.report = page.getByTestId('z-report');
  }

  async show(): Promise<void> {
    await this.page.getByTestId('nav-shift').click();
    await expect(this.status).toBeVisible();
  }

  async open(floatText: string): Promise<void> {
    await this.show();
    await this.page.getByTestId('shift-open-float').fill(floatText);
    await this.page.getByTestId('shift-open-submit').click();
    await expect(this.status).toHaveAttribute('data-state', 'open');
  }

  async cashMovement(type: 'in' | 'out', amountText: string, reason: string): Promise<void> {
    await this.page.getByTestId(`cash-movement-type-${type}`).click();
    await this.page.getByTestId('cash-movement-amount').fill(amountText);
    await this.page.getByTestId('cash-movement-reason').fill(reason);
    await this.page.getByTestId('cash-movement-submit').click();
    await expect(this.page.getByTestId('cash-movement-amount')).toHaveValue('');
  }

  /** Counts the drawer note by note (`{ 2000: 3 }` is three 20.00 notes) and closes. */
  async close(counts: Readonly<Record<number, number>>, blind = true): Promise<void> {
    await this.page.getByTestId('shift-close-start').click();
    const blindBox = this.page.getByTestId('shift-blind-close');
    if ((await blindBox.isChecked()) !== blind) await blindBox.click();
    for (const [denomination, count] of Object.entries(counts)) {
      await this.page.getByTestId(`denomination-${denomination}`).fill(String(count));
    }
    await this.page.getByTestId('shift-close-submit').click();
    await expect(this.report).toBeVisible();
  }

  async minor(testId: string): Promise<number> {
    const value = await this.page.getByTestId(testId).getAttribute('data-minor');
    if (value === null) throw new Error(`${testId} has no data-minor`);
    return Number(value);
  }

  async count(testId: string): Promise<number> {
    return Number(await this.page.getByTestId(testId).textContent());
  }
}
