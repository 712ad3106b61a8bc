// The admin's journeys: opening an account, disabling it, the audit log, and the year-end close.
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const uniq = () => Date.now().toString(36);
/** The admin pages' live line that says what a form just did. */
const notice = (page: Page) => page.getByRole('main').getByRole('status');

async function createUserThroughForm(page: Page, user: { displayName: string; username: string; role: string; password: string }) {
  await page.goto('/admin');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('姓名').fill(user.displayName);
  await dialog.getByLabel('用户名').fill(user.username);
  await dialog.getByLabel('角色').selectOption({ label: user.role });
  await dialog.getByLabel('初始密码').fill(user.password);
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await expect(notice(page)).toHaveText(`已创建用户 ${user.username}。`);
  await expect(dialog).toBeHidden();
}

/** A browser of the new user's own, signed in through the sign-in form. */
async function signInAs(browser: Browser, baseURL: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

test('an admin opens an account for a viewer, who then reads the overview but may change nothing', async ({ asAdmin: page, browser, baseURL }) => {
  const viewer = { displayName: `观察员${uniq()}`, username: `viewer-${uniq()}`, role: '查看人员', password: 'new-viewer-pass-1' };
  // a short password is refused inline, and what was typed stays
  await page.goto('/admin');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('姓名').fill(viewer.displayName);
  await dialog.getByLabel('用户名').fill(viewer.username);
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await expect(dialog.getByText('密码至少 10 个字符。')).toBeVisible();
  await expect(dialog.getByLabel('用户名')).toHaveValue(viewer.username);
  await dialog.getByRole('button', { name: '取消' }).click();

  await createUserThroughForm(page, viewer);
  await expect(row(page, viewer.displayName)).toContainText(viewer.username);
  await expect(row(page, viewer.displayName)).toContainText('查看人员');
  await expect(row(page, viewer.displayName)).toContainText('正常');

  // the same username again, in other letters' case, is taken
  await page.getByRole('button', { name: '新建用户' }).click();
  await dialog.getByLabel('姓名').fill('重复');
  await dialog.getByLabel('用户名').fill(viewer.username.toUpperCase());
  await dialog.getByLabel('初始密码').fill('another-pass-123');
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await expect(dialog.getByText('该用户名已被使用。')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  const theirs = await signInAs(browser, baseURL!, viewer.username, viewer.password);
  await expect(theirs.getByText(`当前用户：${viewer.displayName}（查看人员）`)).toBeVisible();
  await expect(theirs.getByTestId('headline-pledged')).toBeVisible();
  await expect(theirs.getByRole('link', { name: '录入认捐' })).toHaveCount(0);
  await expect(theirs.getByRole('link', { name: '系统管理' })).toHaveCount(0);
  const write = await theirs.context().request.post('/api/v1/pledges', { data: { donorId: 1, form: 'cash', amountFen: 100, pledgedOn: '2026-01-01', placeId: 3, category: 'education' } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.message).toBe('您的账号没有执行此操作的权限。');
  await theirs.goto('/admin');
  await expect(theirs.getByRole('heading', { name: '没有权限' })).toBeVisible();
  await theirs.context().close();
});

test('disabling an account signs its user out at once; enabling it lets them back in', async ({ asAdmin: page, browser, baseURL }) => {
  const user = { displayName: `协调员${uniq()}`, username: `coord-${uniq()}`, role: '项目协调员', password: 'new-coord-pass-1' };
  await createUserThroughForm(page, user);
  const theirs = await signInAs(browser, baseURL!, user.username, user.password);
  expect((await theirs.context().request.get('/api/v1/pledges?pageSize=1')).status()).toBe(200);

  await page.getByRole('button', { name: `停用 ${user.displayName}` }).click();
  const dialog = page.getByRole('dialog', { name: `停用账号：${user.displayName}` });
  await expect(dialog).toContainText('立即退出登录');
  await dialog.getByRole('button', { name: '确认停用' }).click();
  await expect(notice(page)).toHaveText(`已停用 ${user.displayName}。`);
  await expect(row(page, user.displayName)).toContainText('已停用');

  // the very next request is refused, and the pages send them to sign in
  expect((await theirs.context().request.get('/api/v1/pledges?pageSize=1')).status()).toBe(401);
  await theirs.goto('/pledges');
  await expect(theirs).toHaveURL(/\/sign-in\?next=%2Fpledges$/);
  await theirs.getByLabel('用户名').fill(user.username);
  await theirs.getByLabel('密码').fill(user.password);
  await theirs.getByRole('button', { name: '登录' }).click();
  await expect(theirs.getByRole('alert').filter({ hasText: '用户名或密码不正确。' })).toBeVisible();

  await page.getByRole('button', { name: `启用 ${user.displayName}` }).click();
  await page.getByRole('dialog', { name: `重新启用账号：${user.displayName}` }).getByRole('button', { name: '确认启用' }).click();
  await expect(notice(page)).toHaveText(`已重新启用 ${user.displayName}。`);
  await expect(row(page, user.displayName)).toContainText('正常');
  await theirs.getByLabel('密码').fill(user.password);
  await theirs.getByRole('button', { name: '登录' }).click();
  await expect(theirs).toHaveURL(/\/pledges$/);
  await theirs.context().close();
});

test('a role change and a password reset take effect on the next request', async ({ asAdmin: page, browser, baseURL }) => {
  const user = { displayName: `同事${uniq()}`, username: `colleague-${uniq()}`, role: '查看人员', password: 'first-pass-1234' };
  await createUserThroughForm(page, user);
  const theirs = await signInAs(browser, baseURL!, user.username, user.password);
  await expect(theirs.getByRole('link', { name: '录入认捐' })).toHaveCount(0);

  await page.getByRole('button', { name: `修改 ${user.displayName} 的角色` }).click();
  const roleDialog = page.getByRole('dialog', { name: `修改角色：${user.displayName}` });
  await roleDialog.getByLabel('角色').selectOption({ label: '项目协调员' });
  await roleDialog.getByRole('button', { name: '保存角色' }).click();
  await expect(notice(page)).toHaveText(`已将 ${user.displayName} 的角色改为“项目协调员”。`);
  await theirs.reload();
  await expect(theirs.getByRole('link', { name: '录入认捐' })).toBeVisible();

  await page.getByRole('button', { name: `重置 ${user.displayName} 的密码` }).click();
  const resetDialog = page.getByRole('dialog', { name: `重置密码：${user.displayName}` });
  await resetDialog.getByLabel('新密码').fill('second-pass-5678');
  await resetDialog.getByRole('button', { name: '重置密码' }).click();
  await expect(notice(page)).toHaveText(`已重置 ${user.displayName} 的密码。`);
  expect((await (await theirs.context().request.get('/api/v1/session')).json()).user).toBeNull();
  await theirs.context().close();
  const again = await signInAs(browser, baseURL!, user.username, 'second-pass-5678');
  await again.context().close();
});

test('the last active admin can be neither demoted nor disabled', async ({ asAdmin: page }) => {
  await page.goto('/admin');
  await page.getByRole('button', { name: '修改 赵管理 的角色' }).click();
  const dialog = page.getByRole('dialog', { name: '修改角色：赵管理' });
  await dialog.getByLabel('角色').selectOption({ label: '查看人员' });
  await dialog.getByRole('button', { name: '保存角色' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('不能停用或降级最后一位管理员。');
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.reload();
  await expect(row(page, '赵管理')).toContainText('管理员');
  // one cannot disable oneself from this page at all
  await expect(page.getByRole('button', { name: '停用 赵管理' })).toHaveCount(0);
});

test('the audit log shows who created which account, filters by person and record type, and pages back in time', async ({ asAdmin: page }) => {
  const user = { displayName: `审计${uniq()}`, username: `audited-${uniq()}`, role: '查看人员', password: 'audited-pass-1' };
  await createUserThroughForm(page, user);

  await page.goto('/admin/audit');
  const log = page.getByRole('list', { name: '操作日志' });
  const entry = log.getByRole('listitem').filter({ hasText: user.username });
  await expect(entry).toHaveText(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s*赵管理 新建 用户 #\\d+ ${user.username} ${user.displayName}（查看人员）$`));
  await expect(entry.getByRole('link', { name: /^用户 #\d+$/ })).toHaveAttribute('href', '/admin');

  // the demo ledger alone fills more than one page: "更早" goes back, "回到最新" returns
  const newest = await log.getByRole('listitem').first().textContent();
  await page.getByRole('link', { name: '更早' }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(log.getByRole('listitem').first()).not.toHaveText(newest!);
  await expect(log.getByRole('listitem').filter({ hasText: user.username })).toHaveCount(0);
  await page.getByRole('link', { name: '回到最新' }).click();
  await expect(log.getByRole('listitem').first()).toHaveText(newest!);

  await page.getByLabel('操作人').selectOption({ label: '赵管理 · e2e-admin' });
  await page.getByLabel('对象').selectOption({ label: '用户' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/entityType=user/);
  await expect(entry).toBeVisible();
  for (const text of await log.getByRole('listitem').allTextContents()) expect(text).toMatch(/赵管理 (新建|修改) 用户 #\d+/);

  await page.getByLabel('操作人').selectOption({ label: '全部人员' });
  await page.getByLabel('对象').selectOption({ label: '认捐' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/entityType=pledge/);
  await expect(entry).toHaveCount(0);
  const link = log.getByRole('listitem').first().getByRole('link', { name: /^认捐 #\d+$/ });
  await expect(link).toHaveAttribute('href', /^\/pledges\/\d+$/);
  await link.click();
  await expect(page).toHaveURL(/\/pledges\/\d+$/);

  // an impossible date is named beside its field, and the log still shows
  await page.goto('/admin/audit?from=2026-02-30');
  await expect(page.getByText('请输入有效日期（年-月-日），例如 2024-03-01。')).toBeVisible();
  await expect(log.getByRole('listitem').first()).toBeVisible();
});

test.describe('the year-end close', () => {
  test.afterEach(async ({ asAdmin: page }) => {
    // never leave 2021 closed for the journeys that follow, even when this one failed half-way
    await page.context().request.post('/api/v1/years/2021/reopen', { data: {} });
  });

  test('closing a year through the page freezes its pledges; reopening lets them change again; both are in the log', async ({ asAdmin: page }) => {
    const request = page.context().request;
    const list = await (await request.get('/api/v1/pledges?year=2021&pageSize=1')).json();
    const pledge = list.rows[0] as { id: number; projectName: string | null; note: string | null };
    // an edit that changes no figure, so the demo's 2021 totals stay as other journeys expect them
    const edit = { note: pledge.note };

    await page.goto('/admin/years');
    const year = page.getByRole('row', { name: /2021 年度/ });
    await expect(year).toContainText('未结账');
    await page.getByRole('button', { name: '结账 2021 年度' }).click();
    const confirm = page.getByRole('dialog', { name: '确认结账 2021 年度？' });
    await expect(confirm).toContainText('2021 年的认捐和到账都将锁定');
    // thinking better of it changes nothing
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(year).toContainText('未结账');
    await page.getByRole('button', { name: '结账 2021 年度' }).click();
    await confirm.getByRole('button', { name: '确认结账' }).click();
    await expect(notice(page)).toHaveText('2021 年度已结账。');
    await expect(year).toContainText('已结账');
    await expect(year).toContainText('赵管理');

    const refused = await request.patch(`/api/v1/pledges/${pledge.id}`, { data: edit });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.message).toBe('2021 年度已结账，该年度的数据不能再修改，如需修改请联系管理员重新开账。');
    const closed = (await (await request.get('/api/v1/years')).json()).years as { year: number; closedByName: string }[];
    expect(closed.find((y) => y.year === 2021)?.closedByName).toBe('赵管理');

    await page.getByRole('button', { name: '重新开账 2021 年度' }).click();
    await page.getByRole('dialog', { name: '确认重新开账 2021 年度？' }).getByRole('button', { name: '确认重新开账' }).click();
    await expect(notice(page)).toHaveText('2021 年度已重新开账。');
    await expect(year).toContainText('未结账');
    expect((await request.patch(`/api/v1/pledges/${pledge.id}`, { data: edit })).status()).toBe(200);

    await page.goto('/admin/audit?entityType=year');
    const entries = page.getByRole('list', { name: '操作日志' }).getByRole('listitem');
    await expect(entries.nth(0)).toHaveText(/赵管理 重新开账 2021 年度$/);
    await expect(entries.nth(1)).toHaveText(/赵管理 结账 2021 年度$/);
  });
});
