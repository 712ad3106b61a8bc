// Recording pledges through the entry form: keyboard-only entry, refused amounts, split pledges; checked against the dashboard to the fen.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { parseYuan } from '../lib/money';
import { todayInChina } from '../lib/time';

const YEAR = todayInChina().slice(0, 4);

/** A matrix cell or total as shown ("¥12,345.67"; an empty cell shows "—"), in fen. */
function fenShown(text: string): number {
  const m = /-?¥[\d,]+\.\d{2}/.exec(text);
  if (!m) return 0;
  const parsed = parseYuan(m[0]);
  if (!parsed.ok) throw new Error(`not an amount: ${text}`);
  return parsed.fen;
}

/** The dashboard's matrix total and the cells of the given villages in one category, for this year. */
async function dashboardFigures(page: Page, category: string, villages: string[]) {
  await page.goto(`/?year=${YEAR}`);
  // a year with no pledge yet shows the empty notice instead of the matrix: every figure is then zero
  const emptyNotice = page.getByText('该筛选条件下没有认捐记录。');
  await expect(page.getByTestId('matrix-total').or(emptyNotice)).toBeVisible();
  if (await emptyNotice.isVisible()) return { total: 0, cells: Object.fromEntries(villages.map((v) => [v, 0])) as Record<string, number> };
  const total = fenShown(await page.getByTestId('matrix-total').innerText());
  const matrix = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: category, exact: true }) });
  // allInnerTexts does not wait: let the matrix finish rendering first
  await expect(matrix.getByRole('columnheader', { name: category, exact: true })).toBeVisible();
  const headers = (await matrix.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  const col = headers.indexOf(category);
  expect(col, `column ${category}`).toBeGreaterThan(0);
  const cells: Record<string, number> = {};
  for (const village of villages) {
    const row = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: village, exact: true }) });
    await expect(row).toHaveCount(1);
    cells[village] = fenShown(await row.getByRole('cell').nth(col - 1).innerText());
  }
  return { total, cells };
}

async function pledgeCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/v1/pledges?pageSize=1');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab until the target has the focus (date fields may take a Tab per part). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 30; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the field');
}

/** Arrow keys on a closed select until it shows the wanted value. */
async function arrowToValue(page: Page, select: Locator, value: string) {
  for (let i = 0; i < 12; i++) {
    if ((await select.inputValue()) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  expect(await select.inputValue()).toBe(value);
}

async function pickDonor(page: Page, typed: string, name: RegExp) {
  const donor = page.getByRole('combobox', { name: '帮扶单位', exact: true });
  await donor.fill(typed);
  await page.getByRole('option', { name }).click();
}

async function pickPlace(page: Page, combobox: Locator, typed: string, name: RegExp) {
  await combobox.fill(typed);
  await page.getByRole('option', { name }).click();
}

test('a coordinator records a pledge with the keyboard only and the dashboard figure and matrix cell change by exactly that amount', async ({ asCoordinator: page }) => {
  const before = await dashboardFigures(page, '党建帮扶', ['Niujiao Village']);

  await page.goto('/pledges/new');
  const donor = page.getByRole('combobox', { name: '帮扶单位', exact: true });
  await donor.focus();
  await page.keyboard.type('均瑶');
  await expect(page.getByRole('option', { name: /上海均瑶集团/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(donor).toHaveValue('上海均瑶集团');

  await page.keyboard.press('Tab');
  const amount = page.getByRole('textbox', { name: '认捐金额（元）', exact: true });
  await expect(amount).toBeFocused();
  await page.keyboard.type('12,345.67');
  await expect(page.getByText('= ¥12,345.67（1.23万元）')).toBeVisible();

  await page.keyboard.press('Tab');
  const place = page.getByRole('combobox', { name: '帮扶地点', exact: true });
  await expect(place).toBeFocused();
  await page.keyboard.type('Niujiao');
  await expect(page.getByRole('option', { name: /新屯街道 › Niujiao Village/ })).toBeVisible();
  // The first match stands ready: Tab takes it and moves on.
  await page.keyboard.press('Tab');
  await expect(place).toHaveValue('Niujiao Village');
  await expect(page.getByText('望谟县 › 新屯街道 › Niujiao Village · 村')).toBeVisible();
  const category = page.getByRole('combobox', { name: '帮扶类别', exact: true });
  await expect(category).toBeFocused();
  await arrowToValue(page, category, 'party_building');

  // The form, channel and today's date are already right: Tab on to the last field and press Enter there.
  await expect(page.getByRole('textbox', { name: '认捐日期', exact: true })).toHaveValue(todayInChina());
  await tabTo(page, page.getByRole('textbox', { name: '培训人数', exact: true }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: '认捐已保存' })).toBeVisible();
  await expect(page.getByRole('button', { name: '继续录入' })).toBeFocused();
  await expect(page.getByText(/上海均瑶集团，金额 ¥12,345\.67（1\.23万元）/)).toBeVisible();
  const link = page.getByRole('link', { name: /查看第 \d+ 号认捐/ });
  const id = Number((await link.getAttribute('href'))!.split('/').pop());
  const saved = (await (await page.request.get(`/api/v1/pledges/${id}`)).json()) as { amountFen: number; allocations: { category: string; amountFen: number }[] };
  expect(saved.amountFen).toBe(1_234_567);
  expect(saved.allocations).toEqual([expect.objectContaining({ category: 'party_building', amountFen: 1_234_567 })]);

  // "Record another" keeps the donor and the date, clears the amount, and puts the cursor back in the first field.
  await page.keyboard.press('Enter');
  await expect(donor).toBeFocused();
  await expect(donor).toHaveValue('上海均瑶集团');
  await expect(amount).toHaveValue('');

  const after = await dashboardFigures(page, '党建帮扶', ['Niujiao Village']);
  expect(after.cells['Niujiao Village']! - before.cells['Niujiao Village']!).toBe(1_234_567);
  expect(after.total - before.total).toBe(1_234_567);
});

test('a bad amount shows an inline error and records nothing', async ({ asCoordinator: page }) => {
  const before = await pledgeCount(page);
  await page.goto('/pledges/new');
  await pickDonor(page, '均瑶', /上海均瑶集团/);
  await pickPlace(page, page.getByRole('combobox', { name: '帮扶地点', exact: true }), 'Niujiao', /Niujiao Village/);
  await page.getByRole('combobox', { name: '帮扶类别', exact: true }).selectOption('education');
  const amount = page.getByRole('textbox', { name: '认捐金额（元）', exact: true });
  const save = page.getByRole('button', { name: '保存认捐' });

  for (const [typed, message] of [
    ['12,34', '金额写法有歧义（千分位逗号应每三位一组），请重新输入。'],
    ['abc', '无法识别的金额，请输入数字，例如 5,175,300 或 517.53万。'],
    ['-5', '金额不能为负数。'],
  ] as const) {
    await amount.fill(typed);
    await save.click();
    await expect(page.locator('#pf-amount-error')).toHaveText(message);
    await expect(amount).toBeFocused();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(amount).toHaveValue(typed);
    await expect(page.getByRole('alert').filter({ hasText: '有 1 处需要修改' })).toBeVisible();
  }
  // What was picked stays picked.
  await expect(page.getByRole('combobox', { name: '帮扶单位', exact: true })).toHaveValue('上海均瑶集团');
  expect(await pledgeCount(page)).toBe(before);
});

test('a split pledge over two places refuses to save until the rows add up, then both cells change by their shares', async ({ asCoordinator: page }) => {
  const villages = ['Niujiao Village', 'Pingxiang Village'];
  const before = await dashboardFigures(page, '教育帮扶', villages);
  const count = await pledgeCount(page);

  await page.goto('/pledges/new');
  await pickDonor(page, 'Oceanwide', /泛海控股集团/);
  await page.getByRole('textbox', { name: '认捐金额（元）', exact: true }).fill('1,000');
  await page.getByRole('button', { name: '拆分到多个地点/类别' }).click();
  const status = page.getByTestId('unallocated');
  await expect(status).toHaveText('尚未分配：¥1,000.00');

  await pickPlace(page, page.getByRole('combobox', { name: '第 1 行地点' }), 'Niujiao', /Niujiao Village/);
  await page.getByRole('combobox', { name: '第 1 行类别' }).selectOption('education');
  await page.getByRole('textbox', { name: '第 1 行金额（元）' }).fill('600');
  await pickPlace(page, page.getByRole('combobox', { name: '第 2 行地点' }), 'Pingxiang', /Pingxiang Village/);
  await page.getByRole('combobox', { name: '第 2 行类别' }).selectOption('education');
  await page.getByRole('textbox', { name: '第 2 行金额（元）' }).fill('300');
  await expect(status).toHaveText('尚未分配：¥100.00');

  await page.getByRole('button', { name: '保存认捐' }).click();
  await expect(page.getByText('各分配金额之和必须等于认捐总额。')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '第 1 行金额（元）' })).toBeFocused();
  expect(await pledgeCount(page)).toBe(count);

  await page.getByRole('textbox', { name: '第 2 行金额（元）' }).fill('400.01');
  await expect(status).toHaveText('超出认捐金额：¥0.01');
  await page.getByRole('textbox', { name: '第 2 行金额（元）' }).fill('400');
  await expect(status).toHaveText('已全部分配：¥1,000.00');
  // An impatient double click records the pledge once.
  await page.getByRole('button', { name: '保存认捐' }).dblclick();
  await expect(page.getByRole('heading', { name: '认捐已保存' })).toBeVisible();
  expect(await pledgeCount(page)).toBe(count + 1);

  const after = await dashboardFigures(page, '教育帮扶', villages);
  expect(after.cells['Niujiao Village']! - before.cells['Niujiao Village']!).toBe(60_000);
  expect(after.cells['Pingxiang Village']! - before.cells['Pingxiang Village']!).toBe(40_000);
  expect(after.total - before.total).toBe(100_000);
});

test('a donor and a village missing from the lists are created inline, picked, and recorded against', async ({ asCoordinator: page }) => {
  await page.goto('/pledges/new');
  const donor = page.getByRole('combobox', { name: '帮扶单位', exact: true });
  await donor.fill('黔南州工商联');
  await page.getByRole('option', { name: '＋ 新建帮扶单位“黔南州工商联”' }).click();
  const donorPanel = page.getByRole('group', { name: '新建帮扶单位' });
  const donorName = donorPanel.getByRole('textbox', { name: '中文名称' });
  await expect(donorName).toHaveValue('黔南州工商联');
  await expect(donorName).toBeFocused();
  // The server's refusal shows beside the field; nothing is created.
  await donorPanel.getByRole('button', { name: '保存并选用' }).click();
  await expect(donorPanel.getByText('请选择帮扶单位类型。')).toBeVisible();
  await donorPanel.getByRole('combobox', { name: '单位类型' }).selectOption('chamber_of_commerce');
  await donorName.press('Enter');
  await expect(donorPanel).toHaveCount(0);
  await expect(donor).toHaveValue('黔南州工商联');
  await expect(donor).toBeFocused();
  await expect(page.locator('#pf-donor-hint')).toHaveText('商会');

  const place = page.getByRole('combobox', { name: '帮扶地点', exact: true });
  await place.fill('Banyan Village');
  await page.getByRole('option', { name: '＋ 新建帮扶地点“Banyan Village”' }).click();
  const placePanel = page.getByRole('group', { name: '新建帮扶地点' });
  await expect(placePanel.getByRole('textbox', { name: '英文名称（选填）' })).toHaveValue('Banyan Village');
  await expect(placePanel.getByRole('combobox', { name: '层级' })).toHaveValue('village');
  await placePanel.getByRole('combobox', { name: '所属乡镇' }).selectOption({ label: '望谟县 › 新屯街道' });
  await placePanel.getByRole('textbox', { name: '中文名称' }).fill('榕树村');
  await placePanel.getByRole('button', { name: '保存并选用' }).click();
  await expect(placePanel).toHaveCount(0);
  await expect(place).toHaveValue('榕树村');
  await expect(page.getByText('望谟县 › 新屯街道 › 榕树村 · 村')).toBeVisible();

  await page.getByRole('combobox', { name: '帮扶类别', exact: true }).selectOption('industry');
  await page.getByRole('textbox', { name: '认捐金额（元）', exact: true }).fill('2.5万');
  await page.getByRole('button', { name: '保存认捐' }).click();
  await expect(page.getByText(/黔南州工商联，金额 ¥25,000\.00（2\.50万元）/)).toBeVisible();

  const id = Number((await page.getByRole('link', { name: /查看第 \d+ 号认捐/ }).getAttribute('href'))!.split('/').pop());
  const saved = (await (await page.request.get(`/api/v1/pledges/${id}`)).json()) as { donorNameZh: string; allocations: { placeNameZh: string; amountFen: number }[] };
  expect(saved.donorNameZh).toBe('黔南州工商联');
  expect(saved.allocations).toEqual([expect.objectContaining({ placeNameZh: '榕树村', amountFen: 2_500_000 })]);
});

test('a viewer cannot open the entry form', async ({ asViewer: page }) => {
  await page.goto('/pledges/new');
  await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存认捐' })).toHaveCount(0);
});
