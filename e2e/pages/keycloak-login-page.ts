import { expect, type Page } from '@playwright/test';

/** Keycloak's own sign-in page, where the till sends the browser to sign in. */
export class KeycloakLoginPage {
  constructor(
    private readonly page: Page,
    private readonly keycloakUrl: string,
  ) {}

  async expectVisible(): Promise<void> {
    await expect(this.page).toHaveURL(
      new RegExp(`^${this.keycloakUrl}/realms/pos/protocol/openid-connect/auth`),
      { timeout: 30_000 },
    );
    await expect(this.page.locator('#password')).toBeVisible();
  }

  /** Signs in and waits until Keycloak has sent the browser back to the till. */
  async signIn(email: string, password: string, tillOrigin: string): Promise<void> {
    await this.expectVisible();
    // With someone's Keycloak session still open in this browser (a shared till), Keycloak asks
    // that person to re-authenticate; "Restart login" lets another account sign in instead.
    const restart = this.page.getByRole('button', { name: 'Restart login' });
    if ((await this.page.locator('#username').count()) === 0 && (await restart.count()) > 0) {
      await restart.click();
    }
    await this.page.locator('#username').fill(email);
    await this.page.locator('#password').fill(password);
    await this.page.locator('#kc-login').click();
    await expect(this.page).toHaveURL(new RegExp(`^${tillOrigin}/`), { timeout: 30_000 });
  }
}
