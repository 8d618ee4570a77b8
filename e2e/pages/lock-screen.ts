import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The till's lock screen: staff who signed in on this device pick their name and type their
 * PIN; anyone else signs in with their account.
 */
export class LockScreen {
  readonly root: Locator;
  readonly pin: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('lock-screen');
    this.pin = page.getByTestId('lock-pin-input');
    this.error = page.getByTestId('lock-error');
  }

  async expectVisible(): Promise<void> {
    await expect(this.root).toBeVisible();
  }

  person(userId: string): Locator {
    return this.root.locator(`[data-testid="lock-staff"][data-user-id="${userId}"]`);
  }

  async choose(userId: string): Promise<void> {
    await this.person(userId).click();
    await expect(this.person(userId)).toHaveAttribute('aria-pressed', 'true');
  }

  async enterPin(pin: string): Promise<void> {
    await this.pin.fill(pin);
    await this.page.getByTestId('lock-unlock').click();
  }

  /** A PIN that is not this person's: the screen stays, says so and clears the PIN. */
  async expectRefused(userId: string, pin: string): Promise<void> {
    await this.choose(userId);
    await this.enterPin(pin);
    await expect(this.error).toBeVisible();
    await expect(this.pin).toHaveValue('');
    await expect(this.root).toBeVisible();
  }

  async unlockAs(userId: string, pin: string): Promise<void> {
    await this.choose(userId);
    await this.enterPin(pin);
    await expect(this.root).toBeHidden();
  }
}
