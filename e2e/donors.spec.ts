// Donors: a coordinator creates and edits one (history names the person); a viewer reads without controls; bad input is
// refused inline; the directory shows a page at a time, largest pledged first, and pages through a search.
import { test, expect } from './fixtures';

const stamp = () => Date.now().toString(36);
const donorCount = async (request: import('@playwright/test').APIRequestContext) => ((await (await request.get('/api/v1/donors')).json()).donors as unknown[]).length;

test('a coordinator creates a donor with only a Chinese name, edits it, and sees 王芳 in its history', async ({ asCoordinator: page }) => {
  const name = `望谟测试帮扶单位${stamp()}`;
  await page.goto('/donors');
  await page.getByRole('link', { name: '新建帮扶单位' }).click();
  const form = page.getByRole('form', { name: '新建帮扶单位' });
  await form.getByLabel('中文名称').fill(name);
  await form.getByLabel('单位类型').selectOption({ label: '民营企业' });
  await form.getByRole('button', { name: '保存', exact: true }).click();

  await expect(page).toHaveURL(/\/donors\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText('民营企业', { exact: true })).toBeVisible();
  await expect(page.getByText('尚未登记联系人和电话。')).toBeVisible();
  await expect(page.getByTestId('donor-pledged')).toHaveText('¥0.00');
  await expect(page.getByTestId('donor-rate')).toHaveText('—');
  const history = page.getByRole('region', { name: '修改记录' });
  await expect(history.getByRole('listitem').filter({ hasText: '王芳 新建' })).toHaveCount(1);

  await page.getByRole('link', { name: '修改', exact: true }).click();
  const edit = page.getByRole('form', { name: '修改帮扶单位' });
  await expect(edit.getByLabel('中文名称')).toHaveValue(name);
  await expect(edit.getByLabel('英文名称')).toHaveValue('');
  await expect(edit.getByLabel('单位类型')).toHaveValue('enterprise');
  await edit.getByLabel('联系人').fill('赵六');
  await edit.getByLabel('联系电话').fill('0859-461 2345');
  await edit.getByRole('button', { name: '保存修改' }).click();

  await expect(page).toHaveURL(/\/donors\/\d+$/);
  // The number a coordinator calls: one tap on a phone.
  await expect(page.getByRole('link', { name: '0859-461 2345' })).toHaveAttribute('href', 'tel:08594612345');
  await expect(page.getByText('赵六', { exact: true })).toBeVisible();
  const change = history.getByRole('listitem').filter({ hasText: '王芳 修改' });
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('联系人：— → 赵六');
  await expect(change).toContainText('电话：— → 0859-461 2345');

  // The list finds it by its contact person.
  await page.goto(`/donors?q=${encodeURIComponent('赵六')}`);
  await expect(page.getByRole('link', { name })).toBeVisible();
});

test('an edit made on a stale page is refused with a conflict message and overwrites nothing', async ({ asCoordinator: page }) => {
  const created = await page.request.post('/api/v1/donors', { data: { nameZh: `冲突测试单位${stamp()}`, type: 'foundation' } });
  expect(created.status()).toBe(201);
  const donor = (await created.json()) as { id: number };
  await page.goto(`/donors/${donor.id}/edit`);
  // Someone else saves first.
  expect((await page.request.patch(`/api/v1/donors/${donor.id}`, { data: { contactPerson: '孙八', version: 1 } })).status()).toBe(200);

  const edit = page.getByRole('form', { name: '修改帮扶单位' });
  await edit.getByLabel('联系人').fill('周九');
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(edit.getByRole('alert').first()).toContainText('这条记录已被其他人修改（当前为第 2 版）');
  await expect(edit.getByLabel('联系人')).toHaveValue('周九');
  const stored = (await (await page.request.get(`/api/v1/donors/${donor.id}`)).json()) as { contactPerson: string; version: number };
  expect(stored).toMatchObject({ contactPerson: '孙八', version: 2 });

  await edit.getByRole('link', { name: '打开最新内容后重新修改' }).click();
  await expect(page.getByRole('form', { name: '修改帮扶单位' }).getByLabel('联系人')).toHaveValue('孙八');
});

test('a viewer sees the donors and their figures but no create or edit controls', async ({ asViewer: page }) => {
  await page.goto('/donors');
  await expect(page.getByRole('heading', { level: 1, name: '帮扶单位' })).toBeVisible();
  await expect(page.getByRole('link', { name: '新建帮扶单位' })).toHaveCount(0);
  const row = page.getByRole('region', { name: '帮扶单位列表' }).getByRole('row').filter({ hasText: '上海均瑶集团' });
  const pledged = (await row.getByRole('cell').nth(4).innerText()).trim();
  expect(pledged).toMatch(/^¥[\d,]+\.\d\d$/);

  await row.getByRole('link', { name: '上海均瑶集团' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '上海均瑶集团' })).toBeVisible();
  // The profile's figure is the list's figure, and both open the donor's pledges.
  await expect(page.getByTestId('donor-pledged')).toHaveText(pledged);
  await expect(page.getByTestId('donor-pledged').getByRole('link')).toHaveAttribute('href', /^\/pledges\?donor=\d+$/);
  await expect(page.getByRole('region', { name: '按年度' }).getByRole('row', { name: /^2020/ })).toBeVisible();
  await expect(page.getByRole('link', { name: '修改', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '补充联系方式' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: '录入认捐' })).toHaveCount(0);

  await page.goto('/donors/new');
  await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
  await expect(page.getByRole('form', { name: '新建帮扶单位' })).toHaveCount(0);
});

test('a donor with no name at all is refused with an inline error, keeps what was typed, and is not created', async ({ asCoordinator: page }) => {
  const before = await donorCount(page.request);
  await page.goto('/donors/new');
  const form = page.getByRole('form', { name: '新建帮扶单位' });
  await form.getByLabel('单位类型').selectOption('enterprise');
  await form.getByLabel('联系人').fill('钱七');
  await form.getByRole('button', { name: '保存', exact: true }).click();

  const nameZh = form.getByLabel('中文名称');
  await expect(nameZh).toHaveAttribute('aria-invalid', 'true');
  await expect(nameZh).toHaveAccessibleDescription('中文名称和英文名称至少填写一个。');
  await expect(form.getByText('提交的内容有误，请按提示修改后再试。')).toBeVisible();
  await expect(page).toHaveURL(/\/donors\/new$/);
  await expect(form.getByLabel('联系人')).toHaveValue('钱七');
  await expect(form.getByLabel('单位类型')).toHaveValue('enterprise');
  expect(await donorCount(page.request)).toBe(before);
});

test('the directory shows fifty donors a page, largest pledged first, donors with nothing after them, and pages through a search', async ({ asCoordinator: page }) => {
  const tag = `翻页测试${stamp()}`;
  // 55 donors with no pledge: more than a page of search results, and the tail of the whole directory
  for (let i = 1; i <= 55; i++) {
    const res = await page.request.post('/api/v1/donors', { data: { nameZh: `${tag}-${String(i).padStart(2, '0')}`, type: 'individual' } });
    expect(res.status()).toBe(201);
  }
  const all = await donorCount(page.request);
  const pages = Math.ceil(all / 50);

  await page.goto('/donors');
  const list = page.getByRole('region', { name: '帮扶单位列表' });
  const rows = list.locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(page.getByText(`第 1–50 家，共 ${all} 家`)).toBeVisible();
  await expect(list.getByRole('row', { name: new RegExp(`^合计（${all} 家）`) })).toBeVisible();
  const pagination = page.getByRole('navigation', { name: '帮扶单位分页' });
  await expect(pagination).toContainText(`第 1 页，共 ${pages} 页`);
  // largest pledged first: the pledged column never rises down the page
  const fen = (texts: string[]) => texts.map((s) => Number(s.replace(/[¥,.\s]/g, '')));
  const pledged = fen(await rows.locator('td:nth-child(5)').allInnerTexts());
  expect(pledged[0]).toBeGreaterThan(0);
  expect(pledged).toEqual([...pledged].sort((a, b) => b - a));
  await expect(pagination.getByText('上一页')).toHaveAttribute('aria-disabled', 'true');

  await pagination.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/donors\?page=2$/);
  await expect(pagination).toContainText(`第 2 页，共 ${pages} 页`);
  // the page runs past the donors with pledges: those with nothing follow, ¥0.00
  await expect(rows.last().locator('td:nth-child(5)')).toHaveText('¥0.00');

  // A search pages too, keeping its words in the links; its total covers every match, not the page.
  await page.getByRole('search', { name: '查找帮扶单位' }).getByLabel('名称或联系人').fill(tag);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(tag)}`));
  await expect(page.getByText('第 1–50 家，共 55 家')).toBeVisible();
  await expect(rows).toHaveCount(50);
  await expect(rows.first().locator('td:nth-child(1) a')).toHaveText(`${tag}-01`);
  await expect(list.getByRole('row', { name: /^合计（55 家）/ })).toContainText('¥0.00');
  await pagination.getByRole('link', { name: '下一页' }).click();
  await expect(pagination).toContainText('第 2 页，共 2 页');
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(tag)}.*page=2|page=2.*q=${encodeURIComponent(tag)}`));
  await expect(rows.locator('td:nth-child(1) a')).toHaveText([51, 52, 53, 54, 55].map((i) => `${tag}-${i}`));
  await expect(pagination.getByText('下一页')).toHaveAttribute('aria-disabled', 'true');
});

test('a search for 集团 ranks the matching donors by amount, and its total is theirs', async ({ asViewer: page }) => {
  await page.goto(`/donors?q=${encodeURIComponent('集团')}`);
  const list = page.getByRole('region', { name: '帮扶单位列表' });
  const rows = list.locator('tbody tr');
  await expect(rows.first()).toContainText('集团');
  const names = await rows.locator('td:nth-child(1) a').allInnerTexts();
  expect(names).toEqual(expect.arrayContaining(['上海均瑶集团', '中天金融集团', '泛海控股集团']));
  expect(names.every((n) => n.includes('集团'))).toBe(true);
  const fen = (s: string) => Number(s.replace(/[¥,.\s]/g, ''));
  const pledged = (await rows.locator('td:nth-child(5)').allInnerTexts()).map(fen);
  expect(pledged).toEqual([...pledged].sort((a, b) => b - a));
  const total = list.getByRole('row', { name: new RegExp(`^合计（${names.length} 家）`) });
  expect(fen(await total.locator('td').nth(1).innerText())).toBe(pledged.reduce((a, b) => a + b, 0));
});
