import { expect, type Page } from '@playwright/test';

export const CASHIER = { email: 'cashier@demo.test', password: 'cashier123' };
export const MANAGER = { email: 'manager@demo.test', password: 'manager123' };

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(email = CASHIER.email, password = CASHIER.password): Promise<void> {
    await expect(this.page.getByTestId('login-email')).toBeVisible({ timeout: 30_000 });
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }
}
