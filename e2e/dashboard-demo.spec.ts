import { test, expect } from './fixtures';

test('an anonymous visit goes to sign-in and comes back to the page after signing in', async ({ page }) => {
  await page.goto('/?year=2020');
  await expect(page).toHaveURL(/\/sign-in\?next=%2F%3Fyear%3D2020$/);
  await page.getByLabel('用户名').fill('e2e-viewer');
  await page.getByLabel('密码').fill('viewer-pass-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/\?year=2020$/);
});

test('the demo dashboard shows the Wangmo 2020 totals: 67,519,400 yuan, education 25,546,500 yuan', async ({ asViewer: page }) => {
  await page.goto('/?year=2020');
  await expect(page.getByTestId('headline-pledged')).toContainText('6,751.94万元');
  await expect(page.getByTestId('matrix-total')).toHaveText('¥67,519,400.00');
  const matrix = page.getByRole('table');
  const educationColumn = await matrix.getByRole('columnheader').allInnerTexts();
  const col = educationColumn.indexOf('教育帮扶');
  expect(col).toBeGreaterThan(0);
  await expect(matrix.locator('tfoot tr td').nth(col - 1)).toHaveText('¥25,546,500.00');
});
