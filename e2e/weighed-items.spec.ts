import { expect, test } from '@playwright/test';

import { ServerApi, weighedProduct } from './support/server-api.ts';
import { openTill } from './support/till-session.ts';

// Builds a cart but sells nothing, so the shared tenant's sales and stock stay as they were.
test('a cashier keys in the weight of a product sold by the kg', async ({ page, request }) => {
  const server = await ServerApi.asManager(request);
  const { product } = weighedProduct(await server.products());

  const { sell } = await openTill(page, { signIn: true, waitForSku: product.sku });
  const dialog = page.getByTestId('weight-dialog');
  const weightInput = page.getByTestId('weight-input');
  const apply = page.getByTestId('weight-apply');
  const error = page.getByTestId('weight-error');
  const lines = sell.line(product.sku);

  await test.step('a tap asks for the weight and refuses what is not one', async () => {
    await sell.tapProduct(product.sku);
    await expect(dialog).toBeVisible();

    for (const wrong of ['abc', '0', '-1', '1.2345', '100.001']) {
      await weightInput.fill(wrong);
      await apply.click();
      await expect(error, `"${wrong}" is refused`).toBeVisible();
    }
    await expect(sell.cartLines).toHaveCount(0);

    await weightInput.fill('1,25');
    await apply.click();
    await expect(dialog).toBeHidden();
    await sell.expectLine(product.sku, 1250);
    await expect(lines).toContainText('1.250 kg ×');
    await expect(lines).toContainText('/kg');
    await expect(lines.getByTestId('line-increase')).toHaveCount(0);
  });

  await test.step('each weight gets a line of its own', async () => {
    await sell.tapProduct(product.sku);
    await weightInput.fill('0.350');
    await weightInput.press('Enter');
    await expect(dialog).toBeHidden();

    await expect(lines).toHaveCount(2);
    await expect(lines.nth(0)).toHaveAttribute('data-quantity', '1250');
    await expect(lines.nth(1)).toHaveAttribute('data-quantity', '350');
  });

  await test.step('the quantity field of a weighed line edits its weight', async () => {
    const first = lines.nth(0);
    await first.getByTestId('line-quantity').click();
    const input = first.getByTestId('line-quantity-input');
    await expect(input).toHaveValue('1.250');

    await input.fill('150');
    await input.press('Enter');
    await expect(first.getByTestId('line-weight-error')).toBeVisible();

    await input.fill('2');
    await input.press('Enter');
    await expect(first).toHaveAttribute('data-quantity', '2000');
    await expect(first.getByTestId('line-quantity')).toHaveText('2.000 kg');
    await expect(first.getByTestId('cart-line-amount')).toHaveAttribute(
      'data-minor',
      String(product.price * 2),
    );
  });

  await test.step('the lines can be removed again', async () => {
    await lines.nth(1).getByTestId('line-remove').click();
    await lines.nth(0).getByTestId('line-remove').click();
    await expect(page.getByTestId('cart-empty')).toBeVisible();
  });
});
