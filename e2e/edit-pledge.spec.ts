// Editing a pledge through the entry form: the change shows on the detail page; a stale edit is refused and overwrites nothing.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { todayInChina } from '../lib/time';

type Pledge = { id: number; version: number; amountFen: number; note: string | null; allocations: { placeId: number; category: string; amountFen: number }[] };

async function idOf(page: Page, kind: 'donors' | 'places', q: string): Promise<number> {
  const body = (await (await page.request.get(`/api/v1/lookup/${kind}?q=${encodeURIComponent(q)}`)).json()) as Record<string, { id: number }[]>;
  return body[kind]![0]!.id;
}

async function createPledge(page: Page, extra: Record<string, unknown> = {}): Promise<Pledge> {
  const res = await page.request.post('/api/v1/pledges', {
    data: { donorId: await idOf(page, 'donors', '均瑶'), form: 'cash', amountFen: 500_000, pledgedOn: todayInChina(), placeId: await idOf(page, 'places', 'Niujiao'), category: 'health', projectName: '村卫生室设备', ...extra },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Pledge;
}

const getPledge = async (page: Page, id: number) => (await (await page.request.get(`/api/v1/pledges/${id}`)).json()) as Pledge;

test('a coordinator edits a pledge amount and sees it on the detail page', async ({ asCoordinator: page }) => {
  const pledge = await createPledge(page);
  await page.goto(`/pledges/${pledge.id}/edit`);
  const amount = page.getByRole('textbox', { name: '认捐金额（元）', exact: true });
  await expect(amount).toHaveValue('5,000.00');
  await expect(page.getByRole('combobox', { name: '帮扶单位', exact: true })).toHaveValue('上海均瑶集团');
  await expect(page.getByRole('combobox', { name: '帮扶地点', exact: true })).toHaveValue('Niujiao Village');
  await expect(page.getByRole('combobox', { name: '帮扶类别', exact: true })).toHaveValue('health');

  await amount.fill('6,543.21');
  await expect(page.getByText('= ¥6,543.21（0.65万元）')).toBeVisible();
  await page.getByRole('button', { name: '保存修改' }).click();

  await expect(page).toHaveURL(new RegExp(`/pledges/${pledge.id}$`));
  await expect(page.getByRole('main').getByText('¥6,543.21', { exact: true }).first()).toBeVisible();
  const saved = await getPledge(page, pledge.id);
  expect(saved.amountFen).toBe(654_321);
  expect(saved.version).toBe(pledge.version + 1);
  expect(saved.allocations).toEqual([expect.objectContaining({ category: 'health', amountFen: 654_321 })]);
});

test('a stale edit shows the conflict message and does not overwrite the other change', async ({ asCoordinator: page }) => {
  const pledge = await createPledge(page);
  await page.goto(`/pledges/${pledge.id}/edit`);
  const amount = page.getByRole('textbox', { name: '认捐金额（元）', exact: true });
  await expect(amount).toHaveValue('5,000.00');

  // Someone else saves first.
  const other = await page.request.patch(`/api/v1/pledges/${pledge.id}`, { data: { version: pledge.version, note: '财务科已核对' } });
  expect(other.status()).toBe(200);

  await amount.fill('7,000');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '这条记录已被其他人修改' })).toBeVisible();
  await expect(page.getByRole('link', { name: '重新打开修改页（载入最新内容）' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/pledges/${pledge.id}/edit$`));
  await expect(amount).toHaveValue('7,000');

  const now = await getPledge(page, pledge.id);
  expect(now.amountFen).toBe(500_000);
  expect(now.note).toBe('财务科已核对');
  expect(now.version).toBe(pledge.version + 1);
});

test('a split pledge opens with its rows, and a voided pledge cannot be edited', async ({ asCoordinator: page }) => {
  const niujiao = await idOf(page, 'places', 'Niujiao');
  const pingxiang = await idOf(page, 'places', 'Pingxiang');
  const split = await createPledge(page, {
    placeId: undefined,
    category: undefined,
    amountFen: 300_000,
    allocations: [
      { placeId: niujiao, category: 'education', amountFen: 100_050 },
      { placeId: pingxiang, category: 'industry', amountFen: 199_950 },
    ],
  });
  await page.goto(`/pledges/${split.id}/edit`);
  await expect(page.getByRole('combobox', { name: '第 1 行地点' })).toHaveValue('Niujiao Village');
  await expect(page.getByRole('textbox', { name: '第 1 行金额（元）' })).toHaveValue('1,000.50');
  await expect(page.getByRole('combobox', { name: '第 2 行地点' })).toHaveValue('Pingxiang Village');
  await expect(page.getByRole('combobox', { name: '第 2 行类别' })).toHaveValue('industry');
  await expect(page.getByTestId('unallocated')).toHaveText('已全部分配：¥3,000.00');

  const voided = await page.request.post(`/api/v1/pledges/${split.id}/void`, { data: { reason: '重复录入' } });
  expect(voided.status()).toBe(200);
  await page.goto(`/pledges/${split.id}/edit`);
  await expect(page.getByText('该认捐已作废，不能再修改。')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存修改' })).toHaveCount(0);
});
