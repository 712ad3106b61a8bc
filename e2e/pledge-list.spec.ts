import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { parseYuan } from '../lib/money';

const table = (page: Page) => page.getByRole('region', { name: '认捐记录' }).getByRole('table');
const bodyRows = (page: Page) => table(page).locator('tbody tr');
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function amounts(page: Page, column: number): Promise<number[]> {
  const texts = await bodyRows(page).locator(`td:nth-child(${column})`).allInnerTexts();
  return texts.map((t) => {
    const parsed = parseYuan(t);
    if (!parsed.ok) throw new Error(`not an amount: ${t}`);
    return parsed.fen;
  });
}

test('searching the Chinese donor name 欧美同学会 finds its pledges and only those', async ({ asViewer: page }) => {
  await page.goto('/pledges');
  await page.getByRole('searchbox', { name: '搜索' }).fill('欧美同学会');
  await expect.poll(() => param(page, 'q')).toBe('欧美同学会');
  await expect(bodyRows(page).filter({ hasText: 'School teaching equipment' })).toHaveCount(1);
  const donors = await bodyRows(page).locator('td:nth-child(2)').allInnerTexts();
  expect(donors.length).toBeGreaterThanOrEqual(4);
  expect(new Set(donors)).toEqual(new Set(['欧美同学会']));
  await expect(page.getByTestId('list-count')).toHaveText(`${donors.length} 笔`);
  await expect(page.getByRole('link', { name: '移除筛选条件：搜索“欧美同学会”' })).toBeVisible();
});

test('filtering by 教育帮扶 and 2020 shows the 5 education pledges totalling ¥25,546,500.00, and the URL carries the filters', async ({ asViewer: page }) => {
  await page.goto('/pledges');
  await page.getByLabel('年度', { exact: true }).selectOption('2020');
  await expect.poll(() => param(page, 'year')).toBe('2020');
  await page.getByLabel('帮扶类别').selectOption({ label: '教育帮扶' });
  await expect.poll(() => param(page, 'category')).toBe('education');
  await expect(page.getByTestId('list-count')).toHaveText('5 笔');
  await expect(page.getByTestId('list-pledged')).toHaveText('¥25,546,500.00');
  await expect(bodyRows(page)).toHaveCount(5);
  expect((await amounts(page, 6)).reduce((a, b) => a + b, 0)).toBe(2_554_650_000);

  // The same URL opened afresh (shared with a colleague) shows the same view and says which filters are on.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByTestId('list-pledged')).toHaveText('¥25,546,500.00');
  await expect(other.getByLabel('年度', { exact: true })).toHaveValue('2020');
  const active = other.getByTestId('active-filters');
  await expect(active).toContainText('2020 年');
  await expect(active).toContainText('教育帮扶');
  await active.getByRole('link', { name: '清除筛选' }).click();
  await expect(other).toHaveURL(/\/pledges$/);
  await expect(other.getByTestId('active-filters')).toHaveCount(0);
});

test('arriving from a dashboard figure (?year=&place=&category=) shows exactly those pledges and names the filters', async ({ asViewer: page }) => {
  const places = (await (await page.context().request.get('/api/v1/places')).json()).places as { id: number; nameZh: string | null }[];
  const bianrao = places.find((p) => p.nameZh === '边饶镇')!;
  await page.goto(`/pledges?year=2020&place=${bianrao.id}&category=education`);
  await expect(page.getByTestId('list-count')).toHaveText('1 笔');
  await expect(page.getByTestId('list-pledged')).toHaveText('¥1,000,000.00');
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText('For the No. 2 kindergarten of Bianrao Town');
  const active = page.getByTestId('active-filters');
  await expect(active).toContainText('2020 年');
  await expect(active).toContainText('教育帮扶');
  await expect(active).toContainText('边饶镇（含下辖）');
  await expect(page.getByLabel('帮扶地点')).toHaveValue(String(bianrao.id));
});

test('clicking the amount header sorts by amount, largest first, then smallest first', async ({ asViewer: page }) => {
  await page.goto('/pledges?year=2020');
  const header = table(page).getByRole('columnheader', { name: '认捐金额' });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await header.getByRole('link').click();
  await expect.poll(() => param(page, 'sort')).toBe('amount');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const desc = await amounts(page, 6);
  expect(desc[0]).toBe(1_859_650_000);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));

  await header.getByRole('link').click();
  await expect.poll(() => param(page, 'dir')).toBe('asc');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const asc = await amounts(page, 6);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  expect(asc.at(-1)).toBe(1_859_650_000);
});

test('with pageSize=5 the list pages through the ledger five at a time', async ({ asViewer: page }) => {
  await page.goto('/pledges?pageSize=5&sort=amount');
  const total = Number((await page.getByTestId('list-count').innerText()).replace(/\D/g, ''));
  const pages = Math.ceil(total / 5);
  expect(pages).toBeGreaterThan(1);
  const pager = page.getByRole('navigation', { name: '分页' });
  await expect(pager).toContainText(`第 1 页，共 ${pages} 页`);
  await expect(bodyRows(page)).toHaveCount(5);
  const first = await amounts(page, 6);

  await pager.getByRole('link', { name: '下一页' }).click();
  await expect.poll(() => param(page, 'page')).toBe('2');
  await expect(pager).toContainText(`第 2 页，共 ${pages} 页`);
  expect(param(page, 'pageSize')).toBe('5');
  expect(param(page, 'sort')).toBe('amount');
  await expect(bodyRows(page)).toHaveCount(Math.min(5, total - 5));
  const second = await amounts(page, 6);
  expect(second[0]!).toBeLessThanOrEqual(first.at(-1)!);
  // the totals are of the whole filtered set, not of the page
  await expect(page.getByTestId('list-count')).toHaveText(`${total} 笔`);

  await pager.getByRole('link', { name: '上一页' }).click();
  await expect(pager).toContainText(`第 1 页，共 ${pages} 页`);
});
