import { expect, type Locator, type Page } from '@playwright/test';

/** The manager-PIN sheet a cashier's till shows for what the cashier may not do alone. */
export class ApprovalDialog {
  readonly root: Locator;
  readonly pin: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('approval-dialog');
    this.pin = page.getByTestId('approval-pin-input');
    this.error = page.getByTestId('approval-error');
  }

  async expectVisible(): Promise<void> {
    await expect(this.pin).toBeVisible();
  }

  async submit(pin: string): Promise<void> {
    await this.pin.fill(pin);
    await this.page.getByTestId('approval-submit').click();
  }

  /** A PIN that may not approve: the sheet stays, says why and clears the PIN. */
  async expectRefused(pin: string): Promise<void> {
    await this.submit(pin);
    await expect(this.error).toBeVisible();
    await expect(this.pin).toHaveValue('');
  }

  async approve(pin: string): Promise<void> {
    await this.submit(pin);
    await expect(this.pin).toBeHidden();
  }
}
