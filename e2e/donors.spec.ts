// Donors: a coordinator creates and edits one (history names the person); a viewer reads without controls; bad input is refused inline.
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
