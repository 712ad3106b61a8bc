import { test, expect, signIn } from './fixtures';
import { createPledge, dashboardFen, thisYear } from './ledger-helpers';

test('a coordinator voids a pledge with a reason: it leaves the list, the dashboard total drops by exactly its amount, and the history names 王芳', async ({ asCoordinator: page }) => {
  const year = thisYear();
  const pledge = await createPledge(page, { amountFen: 12_345_678, project: '作废测试' });
  const before = await dashboardFen(page, 'headline-pledged', year);

  await page.goto(`/pledges?q=${encodeURIComponent(pledge.projectName)}`);
  const row = page.getByRole('row').filter({ hasText: pledge.projectName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('¥123,456.78');
  await row.getByRole('link', { name: pledge.projectName }).click();
  await expect(page).toHaveURL(new RegExp(`/pledges/${pledge.id}$`));

  await page.getByRole('button', { name: '作废', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '作废这笔认捐' });
  await expect(dialog).toBeVisible();
  // No reason: refused with a specific message, nothing changes.
  await dialog.getByRole('button', { name: '确认作废' }).click();
  await expect(dialog.getByText('请填写作废原因（至少两个字）。')).toBeVisible();
  await dialog.getByLabel('作废原因').fill('与另一笔认捐重复录入');
  await dialog.getByRole('button', { name: '确认作废' }).click();

  const banner = page.getByRole('note', { name: '此认捐已作废' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('作废原因：与另一笔认捐重复录入');
  await expect(banner).toContainText('王芳');
  await expect(page.getByTestId('pledge-status')).toHaveText('已作废');
  // A voided pledge offers no edit, void or receipt controls.
  await expect(page.getByRole('button', { name: '作废', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '修改' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '登记到账' })).toHaveCount(0);
  const history = page.getByRole('region', { name: '修改记录' });
  await expect(history.getByRole('listitem').first()).toContainText('王芳 作废');

  // Gone from the list...
  await page.goto(`/pledges?q=${encodeURIComponent(pledge.projectName)}`);
  await expect(page.getByText('没有符合筛选条件的认捐记录。')).toBeVisible();
  // ...unless voided ones are shown, then struck through with the reason.
  await page.getByLabel('显示已作废').check();
  await expect.poll(() => new URL(page.url()).searchParams.get('includeVoided')).toBe('1');
  const voided = page.getByRole('row').filter({ hasText: pledge.projectName });
  await expect(voided).toHaveCount(1);
  await expect(voided).toHaveAttribute('title', '作废原因：与另一笔认捐重复录入');
  await expect(voided.getByRole('cell').nth(5)).toHaveCSS('text-decoration-line', 'line-through');
  await expect(voided).toContainText('已作废');

  expect(await dashboardFen(page, 'headline-pledged', year)).toBe(before - pledge.amountFen);
});

test('voiding a pledge someone else changed meanwhile is refused with a clear message', async ({ asCoordinator: page }) => {
  const pledge = await createPledge(page, { amountFen: 500_000, project: '并发作废测试' });
  await page.goto(`/pledges/${pledge.id}`);
  await page.getByRole('button', { name: '作废', exact: true }).click();
  const res = await page.context().request.patch(`/api/v1/pledges/${pledge.id}`, { data: { note: '另一位同事刚补充的备注', version: pledge.version } });
  expect(res.status()).toBe(200);
  const dialog = page.getByRole('dialog', { name: '作废这笔认捐' });
  await dialog.getByLabel('作废原因').fill('重复录入');
  await dialog.getByRole('button', { name: '确认作废' }).click();
  await expect(dialog.getByRole('alert')).toContainText('这条记录已被其他人修改');
  await page.reload();
  await expect(page.getByTestId('pledge-status')).toHaveText('已认捐');
  await expect(page.getByText('另一位同事刚补充的备注', { exact: true })).toBeVisible();
});

test('a viewer sees a pledge without any void, edit or receipt control', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/pledges?year=2020&sort=amount');
  await page.getByRole('region', { name: '认捐记录' }).getByRole('link').filter({ hasText: 'School teaching equipment' }).click();
  await expect(page.getByTestId('pledge-amount')).toHaveText('¥18,596,500.00');
  await expect(page.getByRole('heading', { name: '到账记录' })).toBeVisible();
  await expect(page.getByRole('button', { name: '作废', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '修改' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '登记到账' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '录入认捐' })).toHaveCount(0);
});
