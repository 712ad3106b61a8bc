import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { formatYuan, parseYuan } from '../lib/money';

const table = (page: Page) => page.getByRole('region', { name: '认捐记录' }).getByRole('table');
const bodyRows = (page: Page) => table(page).locator('tbody tr');
// the options of the open type-ahead list (the selects' options are options too)
const listOptions = (page: Page) => page.getByRole('listbox').getByRole('option');
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

type ListTotals = { total: number; amountFen: number };
async function listTotals(page: Page, query: string): Promise<ListTotals> {
  const res = await page.context().request.get(`/api/v1/pledges?pageSize=1&${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ListTotals;
}

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
  // the place box names the town, and the form carries its id for a browser without JavaScript
  await expect(page.getByLabel('帮扶地点')).toHaveValue('边饶镇');
  await expect(page.locator('form[role="search"] input[type="hidden"][name="place"]')).toHaveValue(String(bianrao.id));
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

test('typing part of a donor’s name in 帮扶单位 and picking it with the keyboard shows only its pledges; clearing the box brings back the whole list', async ({ asViewer: page }) => {
  const donors = (await (await page.context().request.get('/api/v1/lookup/donors?q=&limit=20')).json()).donors as { id: number; nameZh: string | null }[];
  const junyao = donors.find((d) => d.nameZh === '上海均瑶集团')!;
  const all = await listTotals(page, '');
  const mine = await listTotals(page, `donor=${junyao.id}`);
  expect(mine.total).toBeGreaterThan(1);
  expect(mine.total).toBeLessThan(all.total);

  await page.goto('/pledges');
  await expect(page.getByTestId('list-count')).toHaveText(`${all.total} 笔`);
  const box = page.getByRole('combobox', { name: '帮扶单位', exact: true });
  // opened with nothing typed, it lists every donor under 全部单位, like the select it replaces
  await box.click();
  await expect(listOptions(page)).toHaveCount(donors.length + 1);
  await expect(listOptions(page).first()).toHaveText('全部单位');
  await box.fill('均瑶');
  await expect(listOptions(page)).toHaveCount(1);
  await expect(listOptions(page).first()).toContainText('上海均瑶集团');
  await box.press('Enter');

  await expect.poll(() => param(page, 'donor')).toBe(String(junyao.id));
  await expect(box).toHaveValue('上海均瑶集团');
  await expect(page.getByTestId('list-count')).toHaveText(`${mine.total} 笔`);
  await expect(page.getByTestId('list-pledged')).toHaveText(formatYuan(mine.amountFen));
  // the first page of them (other journeys on this ledger may have recorded more for this donor than a page holds)
  await expect(bodyRows(page)).toHaveCount(Math.min(mine.total, 50));
  expect(new Set(await bodyRows(page).locator('td:nth-child(2)').allInnerTexts())).toEqual(new Set(['上海均瑶集团']));
  await expect(page.getByTestId('active-filters')).toContainText('上海均瑶集团');

  // emptied and left, the box drops the filter
  await box.fill('');
  await box.press('Tab');
  await expect.poll(() => param(page, 'donor')).toBeNull();
  await expect(page.getByTestId('list-count')).toHaveText(`${all.total} 笔`);
  await expect(page.getByTestId('list-pledged')).toHaveText(formatYuan(all.amountFen));
  await expect(page.getByTestId('active-filters')).toHaveCount(0);

  // typed but not picked: leaving the box with the mouse empties it, so it never looks like a filter that is not set
  await box.fill('均瑶');
  await expect(listOptions(page)).toHaveCount(1);
  await page.getByRole('heading', { name: '认捐台账', level: 1 }).click();
  await expect(box).toHaveValue('');
  await expect.poll(() => param(page, 'donor')).toBeNull();
  await expect(page.getByTestId('list-count')).toHaveText(`${all.total} 笔`);
});

test('picking the town 新屯街道 in 帮扶地点 shows its own and its villages’ pledges; the × brings back every place', async ({ asViewer: page }) => {
  const places = (await (await page.context().request.get('/api/v1/places')).json()).places as { id: number; name: string | null; nameZh: string | null }[];
  const xintun = places.find((p) => p.nameZh === '新屯街道')!;
  const niujiao = places.find((p) => p.name === 'Niujiao Village')!;
  const all = await listTotals(page, '');
  const town = await listTotals(page, `place=${xintun.id}`);
  const village = await listTotals(page, `place=${niujiao.id}`);
  expect(village.total).toBeGreaterThan(0);
  expect(town.total).toBeGreaterThan(village.total);

  await page.goto('/pledges');
  const box = page.getByRole('combobox', { name: '帮扶地点', exact: true });
  await box.fill('新屯');
  // the town first, then its villages, each with its path
  const options = listOptions(page);
  await expect(options.first()).toContainText('望谟县 › 新屯街道');
  await expect(options.filter({ hasText: '望谟县 › 新屯街道 › Niujiao Village' })).toHaveCount(1);
  await box.press('Enter');

  await expect.poll(() => param(page, 'place')).toBe(String(xintun.id));
  await expect(box).toHaveValue('新屯街道');
  await expect(page.getByTestId('list-count')).toHaveText(`${town.total} 笔`);
  await expect(page.getByTestId('list-pledged')).toHaveText(formatYuan(town.amountFen));
  // one page of them (journeys before this one may have added pledges here)
  await expect(bodyRows(page)).toHaveCount(Math.min(town.total, 50));
  if (town.total <= 50) await expect(bodyRows(page).filter({ hasText: 'Niujiao Village' })).toHaveCount(village.total);
  await expect(page.getByTestId('active-filters')).toContainText('新屯街道（含下辖）');

  await page.getByRole('button', { name: '显示全部地点' }).click();
  await expect.poll(() => param(page, 'place')).toBeNull();
  await expect(box).toHaveValue('');
  await expect(page.getByTestId('list-count')).toHaveText(`${all.total} 笔`);

  // a village picked with the arrow keys narrows to that village alone
  await box.fill('新屯');
  await expect(options.first()).toContainText('新屯街道');
  await box.press('ArrowDown');
  await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText('Niujiao Village');
  await box.press('Enter');
  await expect.poll(() => param(page, 'place')).toBe(String(niujiao.id));
  await expect(page.getByTestId('list-count')).toHaveText(`${village.total} 笔`);
});

test('at 375 px the place and donor lists open inside the screen and the page never scrolls sideways', async ({ asViewer: page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/pledges');
  await page.getByRole('button', { name: '更多筛选条件' }).click();
  for (const name of ['帮扶地点', '帮扶单位']) {
    const box = page.getByRole('combobox', { name, exact: true });
    await box.click();
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option').nth(1)).toBeVisible();
    const bounds = (await list.boundingBox())!;
    expect(bounds.x).toBeGreaterThanOrEqual(0);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await box.press('Escape');
  }
});
