import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The app shell's sync badge: `data-online`, `data-waiting` (documents not yet pushed) and
 * `data-rejected` (documents the server would not keep).
 */
export class SyncIndicator {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('sync-indicator');
  }

  async expectOnline(online: boolean): Promise<void> {
    await expect(this.root).toHaveAttribute('data-online', String(online));
  }

  async waiting(): Promise<number> {
    return Number(await this.root.getAttribute('data-waiting'));
  }

  /** Everything written on this till has reached the server. */
  async waitUntilSynced(timeout = 90_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-online', 'true', { timeout });
    await expect(this.root).toHaveAttribute('data-waiting', '0', { timeout });
    // A document the server rejected is never "synced" (QA b30).
    await expect(this.root).toHaveAttribute('data-rejected', '0');
  }
}
