import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { formatYuan } from '../lib/money';

type Totals = { pledgedFen: number; receivedFen: number; outstandingFen: number; count: number };

async function summaryTotal(page: Page, query: string): Promise<Totals> {
  const res = await page.request.get(`/api/v1/summary?by=category&${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: Totals }).total;
}

const matrix = (page: Page) => page.getByRole('table').filter({ has: page.getByTestId('matrix-total') });

test('filtering by a town changes the figures and carries the filter in the URL, without reloading the page', async ({ asViewer: page }) => {
  await page.goto('/?year=2020');
  await expect(page.getByTestId('matrix-total')).toHaveText('¥67,519,400.00');
  await page.evaluate(() => ((window as unknown as { dashMarker: string }).dashMarker = 'still here'));

  await page.getByLabel('乡镇', { exact: true }).selectOption({ label: '新屯街道' });

  await expect(page).toHaveURL(/\/\?year=2020&town=\d+$/);
  await expect(page.getByTestId('matrix-total')).toHaveText('¥1,410,000.00');
  await expect(page.getByTestId('headline-pledged')).toContainText('141.00万元');
  await expect(matrix(page).getByRole('rowheader', { name: 'Niujiao Village' })).toBeVisible();
  await expect(matrix(page).getByRole('rowheader', { name: 'Dawan Village' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('2020 年度 · 新屯街道');
  expect(await page.evaluate(() => (window as unknown as { dashMarker?: string }).dashMarker)).toBe('still here');

  // the shared URL opens on the same figures
  await page.reload();
  await expect(page.getByLabel('乡镇', { exact: true })).toHaveValue(/\d+/);
  await expect(page.getByTestId('matrix-total')).toHaveText('¥1,410,000.00');
});

test('clicking a town in the matrix shows its villages, and the way back shows every town again', async ({ asViewer: page }) => {
  await page.goto('/?year=2020');
  await matrix(page).getByRole('button', { name: '乐旺镇' }).click();
  await expect(page).toHaveURL(/town=\d+/);
  await expect(page.getByTestId('matrix-total')).toHaveText('¥10,000,000.00');
  await expect(matrix(page).getByRole('rowheader', { name: 'Dawan Village' })).toBeVisible();
  await page.getByRole('button', { name: '返回全部乡镇' }).click();
  await expect(page).toHaveURL(/\/\?year=2020$/);
  await expect(page.getByTestId('matrix-total')).toHaveText('¥67,519,400.00');
});

test('the measure toggle shows pledged, received or outstanding in the cells and keeps the choice in the URL', async ({ asViewer: page }) => {
  const total = await summaryTotal(page, 'year=2021');
  expect(total.receivedFen).toBeGreaterThan(0);
  expect(total.outstandingFen).toBeGreaterThan(0);
  await page.goto('/?year=2021');
  await expect(page.getByTestId('matrix-total')).toHaveText(formatYuan(total.pledgedFen));
  const toggle = page.getByRole('group', { name: '单元格显示' });

  await toggle.getByRole('button', { name: '到位', exact: true }).click();
  await expect(page).toHaveURL(/measure=received/);
  await expect(page.getByTestId('matrix-total')).toHaveText(formatYuan(total.receivedFen));

  await toggle.getByRole('button', { name: '未到位' }).click();
  await expect(page).toHaveURL(/measure=outstanding/);
  await expect(page.getByTestId('matrix-total')).toHaveText(formatYuan(total.outstandingFen));

  await page.reload();
  await expect(toggle.getByRole('button', { name: '未到位' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('matrix-total')).toHaveText(formatYuan(total.outstandingFen));
});

test('clicking a matrix cell opens the pledge list with the cell’s place, category and the year', async ({ asViewer: page }) => {
  await page.goto('/?year=2020');
  const dawan = matrix(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Dawan Village' }) });
  await dawan.getByRole('link', { name: '¥10,000,000.00' }).first().click();
  await expect(page).toHaveURL(/\/pledges\?year=2020&place=\d+&category=infrastructure$/);

  // a town-wide row is what was recorded at the town itself, not in its villages
  await page.goto('/?year=2020');
  const bianrao = matrix(page).locator('tbody').filter({ has: page.getByRole('button', { name: '边饶镇' }) });
  const townWide = bianrao.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '乡镇统筹（未分到村）' }) });
  await townWide.getByRole('link', { name: '¥1,000,000.00' }).first().click();
  await expect(page).toHaveURL(/\/pledges\?year=2020&at=\d+&category=education$/);
});

test('printed, the overview states its filters and the print date at the top and leaves out the controls', async ({ asViewer: page }) => {
  await page.goto('/?year=2020&town=3');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-filters')).toBeVisible();
  await expect(page.getByTestId('print-filters')).toContainText(/筛选：2020 年度 · \S+ · 全部类别 · 全部单位类型 · 全部帮扶形式 · 全部状态\s*打印日期：\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByLabel('年度', { exact: true })).toBeHidden();
  await expect(page.getByRole('group', { name: '单元格显示' })).toBeHidden();
});

test('a filter with no pledges says so and offers to clear the filters', async ({ asViewer: page }) => {
  await page.goto('/?year=2020');
  await page.getByLabel('认捐状态', { exact: true }).selectOption({ label: '逾期' });
  await expect(page.getByText('该筛选条件下没有认捐记录。')).toBeVisible();
  await expect(page.getByTestId('headline-pledged')).toContainText('0.00元');
  await page.getByRole('button', { name: '清除筛选' }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel('年度', { exact: true })).toHaveValue('');
});

test('the overdue list shows the largest overdue pledges with days late, and each chart has its figures as a table', async ({ asViewer: page }) => {
  const overdue = await page.request.get('/api/v1/pledges?status=overdue&year=2021&sort=amount&dir=desc&pageSize=1');
  const first = ((await overdue.json()) as { total: number; rows: { amountFen: number; receivedFen: number }[] });
  await page.goto('/?year=2021');
  const list = page.getByRole('region', { name: '逾期未到位' });
  if (first.total === 0) {
    await expect(page.getByText(/没有逾期的认捐/)).toBeVisible();
  } else {
    const row = list.getByRole('row').nth(1);
    await expect(row).toContainText(/\d+ 天/);
    await expect(row.getByRole('cell').last()).toHaveText(formatYuan(first.rows[0]!.amountFen - first.rows[0]!.receivedFen));
  }

  await page.goto('/?year=2020');
  const byCategory = page.getByRole('region', { name: '按帮扶类别' });
  await byCategory.getByText('查看数据表').click();
  const education = byCategory.getByRole('row').filter({ hasText: '教育帮扶' });
  await expect(education.getByRole('cell').first()).toHaveText('¥25,546,500.00');
});

test('at 375 px the page never scrolls sideways and the headline tiles sit two to a row', async ({ asViewer: page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/?year=2021');
  await expect(page.getByTestId('matrix-total')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const a = await page.getByTestId('headline-pledged').boundingBox();
  const b = await page.getByTestId('headline-received').boundingBox();
  const c = await page.getByTestId('headline-outstanding').boundingBox();
  expect(Math.round(a!.y)).toBe(Math.round(b!.y));
  expect(c!.y).toBeGreaterThan(a!.y);
});

test('switching the language to English shows the overview in English with the same figures', async ({ asViewer: page }) => {
  await page.goto('/?year=2020');
  await page.getByLabel('乡镇', { exact: true }).selectOption({ label: '乐旺镇' });
  await expect(page.getByTestId('matrix-total')).toHaveText('¥10,000,000.00');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Infrastructure and village appearance' })).toBeVisible();
  await expect(page.getByLabel('Town', { exact: true })).toHaveValue(/\d+/);
  await expect(page.getByTestId('matrix-total')).toHaveText('¥10,000,000.00');
  await expect(page.getByTestId('headline-pledged')).toContainText('¥10,000,000');
  await expect(page.getByRole('button', { name: 'Back to all towns' })).toBeVisible();
});
