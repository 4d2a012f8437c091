import { expect, screenshot, test } from './fixtures';

test('the built app loads without errors', async ({ page, pageErrors }) => {
  const response = await page.goto('./');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('Scale-Out Lab');
  await expect(page.getByTestId('app')).toBeVisible();
  await screenshot(page, 'smoke');
  expect(pageErrors).toEqual([]);
});
