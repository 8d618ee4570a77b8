import { expect, type Locator, type Page } from '@playwright/test';

/** One product on the sell screen's grid, found by searching for its SKU. */
export class ProductTile {
  readonly root: Locator;

  constructor(
    private readonly page: Page,
    private readonly sku: string,
  ) {
    this.root = page.getByTestId(`product-tile-${sku}`);
  }

  /** Leaves the search on this product, so its tile stays on screen. */
  async show(): Promise<void> {
    await this.page.getByTestId('product-search').fill(this.sku);
    await expect(this.root).toBeVisible({ timeout: 90_000 });
  }

  /** On hand in thousandths as the tile shows it; 0 when the store has no ledger for it yet. */
  async onHand(): Promise<number> {
    return Number((await this.root.getAttribute('data-on-hand')) ?? '0');
  }

  async expectOnHand(thousandths: number, timeout = 20_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-on-hand', String(thousandths), { timeout });
  }
}
