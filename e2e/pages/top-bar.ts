import { expect, type Locator, type Page } from '@playwright/test';

import { LockScreen } from './lock-screen.ts';

/** The till's top bar: who is at the till, switching user and signing out. */
export class TopBar {
  readonly cashier: Locator;
  readonly signOutRefused: Locator;

  constructor(private readonly page: Page) {
    this.cashier = page.getByTestId('current-cashier');
    this.signOutRefused = page.getByTestId('sign-out-refused');
  }

  async expectCashier(displayName: string): Promise<void> {
    await expect(this.cashier).toHaveText(displayName);
  }

  /** Locks the till; it waits on the lock screen for a PIN. */
  async switchUser(): Promise<LockScreen> {
    await this.page.getByTestId('switch-user').click();
    const lock = new LockScreen(this.page);
    await lock.expectVisible();
    return lock;
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
  }
}
