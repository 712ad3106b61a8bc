// Instalment schedules in the entry form: recorded with a pledge (overdue once an instalment falls due unpaid), removed on edit, refused when they do not add up.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { todayInChina } from '../lib/time';

const TODAY = todayInChina();
const YEAR = TODAY.slice(0, 4);

/** The date `days` after (or before) `on`, both YYYY-MM-DD. */
function shift(on: string, days: number): string {
  return new Date(Date.parse(`${on}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const later = (a: string, b: string) => (a > b ? a : b);

// A pledge made earlier this year: its first instalment already fell due, the second is still to come.
const PLEDGED_ON = later(`${YEAR}-01-01`, shift(TODAY, -40));
const FIRST_DUE = later(PLEDGED_ON, shift(TODAY, -10));
const SECOND_DUE = shift(TODAY, 30);

type Pledge = { id: number; status: string; amountFen: number; instalments: { dueOn: string; amountFen: number }[] };

async function pledgeCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/v1/pledges?pageSize=1');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

/** The pledge year must be open, or the ledger refuses every pledge dated in it. */
async function expectYearOpen(page: Page) {
  const res = await page.request.get('/api/v1/years');
  expect(res.status()).toBe(200);
  const closed = ((await res.json()) as { years: { year: number }[] }).years.map((y) => y.year);
  expect(closed, `year ${YEAR} closed in the demo ledger`).not.toContain(Number(YEAR));
}

/** A new pledge of 30,000 yuan from 上海均瑶集团 to Niujiao Village, dated PLEDGED_ON: everything but the schedule. */
async function fillPledge(page: Page) {
  await page.goto('/pledges/new');
  await page.getByRole('combobox', { name: '帮扶单位', exact: true }).fill('均瑶');
  await page.getByRole('option', { name: /上海均瑶集团/ }).click();
  await page.getByRole('textbox', { name: '认捐金额（元）', exact: true }).fill('30,000');
  await page.getByRole('combobox', { name: '帮扶地点', exact: true }).fill('Niujiao');
  await page.getByRole('option', { name: /新屯街道 › Niujiao Village/ }).click();
  await page.getByRole('combobox', { name: '帮扶类别', exact: true }).selectOption('education');
  await page.getByRole('textbox', { name: '认捐日期', exact: true }).fill(PLEDGED_ON);
}

test.skip(TODAY.endsWith('-01-01'), 'on New Year’s Day no date of this year has passed yet');

test('a coordinator records a pledge with two instalments, sees the schedule and the overdue status, then removes the schedule', async ({ asCoordinator: page }) => {
  await expectYearOpen(page);
  await fillPledge(page);

  // The schedule is optional and starts closed.
  await expect(page.getByRole('textbox', { name: '第 1 期到期日' })).toHaveCount(0);
  await page.getByRole('button', { name: '添加分期计划' }).click();
  const schedule = page.getByRole('group', { name: /^分期计划/ });
  await expect(schedule.getByRole('textbox', { name: '第 1 期到期日', exact: true })).toBeFocused();
  const status = schedule.getByTestId('unscheduled');
  await expect(status).toHaveText('计划合计 ¥0.00，尚未排期 ¥30,000.00');

  await schedule.getByRole('textbox', { name: '第 1 期到期日', exact: true }).fill(FIRST_DUE);
  await schedule.getByRole('textbox', { name: '第 1 期金额（元）', exact: true }).fill('1万');
  await expect(schedule.getByText('= ¥10,000.00（1.00万元）')).toBeVisible();
  await expect(status).toHaveText('计划合计 ¥10,000.00，尚未排期 ¥20,000.00');

  await schedule.getByRole('textbox', { name: '第 2 期到期日', exact: true }).fill(SECOND_DUE);
  await schedule.getByRole('button', { name: '把余额 ¥20,000.00 填入第 2 期' }).click();
  await expect(schedule.getByRole('textbox', { name: '第 2 期金额（元）', exact: true })).toHaveValue('20,000.00');
  await expect(status).toHaveText('计划合计 ¥30,000.00，与认捐金额一致');

  // A row left blank is no instalment.
  await schedule.getByRole('button', { name: '增加一期' }).click();
  await expect(schedule.getByRole('textbox', { name: '第 3 期到期日', exact: true })).toBeFocused();
  await expect(status).toHaveText('计划合计 ¥30,000.00，与认捐金额一致');

  await page.getByRole('button', { name: '保存认捐' }).click();
  await expect(page.getByRole('heading', { name: '认捐已保存' })).toBeVisible();
  await page.getByRole('link', { name: /查看第 \d+ 号认捐/ }).click();
  await expect(page).toHaveURL(/\/pledges\/\d+$/);
  const id = Number(page.url().split('/').pop());

  // Nothing has arrived and the first instalment is past due: the pledge is overdue.
  await expect(page.getByTestId('pledge-status')).toHaveText('逾期');
  const table = page.getByRole('region', { name: '分期到位计划' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toHaveText(['第 1 期', FIRST_DUE, '¥10,000.00', '¥10,000.00', '逾期未到'].join(''));
  await expect(table.getByRole('row').nth(2)).toHaveText(['第 2 期', SECOND_DUE, '¥20,000.00', '¥30,000.00', '未到期'].join(''));
  const saved = (await (await page.request.get(`/api/v1/pledges/${id}`)).json()) as Pledge;
  expect(saved.amountFen).toBe(3_000_000);
  expect(saved.status).toBe('overdue');
  expect(saved.instalments.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen }))).toEqual([
    { dueOn: FIRST_DUE, amountFen: 1_000_000 },
    { dueOn: SECOND_DUE, amountFen: 2_000_000 },
  ]);

  // Editing opens with the schedule shown; removing it and saving leaves the pledge without one.
  await page.getByRole('link', { name: '修改', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/pledges/${id}/edit$`));
  const editSchedule = page.getByRole('group', { name: /^分期计划/ });
  await expect(editSchedule.getByRole('textbox', { name: '第 1 期到期日', exact: true })).toHaveValue(FIRST_DUE);
  await expect(editSchedule.getByRole('textbox', { name: '第 2 期金额（元）', exact: true })).toHaveValue('20,000.00');
  await expect(editSchedule.getByTestId('unscheduled')).toHaveText('计划合计 ¥30,000.00，与认捐金额一致');
  await editSchedule.getByRole('button', { name: '不设分期计划' }).click();
  await expect(page.getByRole('button', { name: '添加分期计划' })).toBeFocused();
  await expect(page.getByText('保存后将删除原有的分期计划。')).toBeVisible();
  await page.getByRole('button', { name: '保存修改' }).click();

  await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
  await expect(page.getByTestId('pledge-status')).toHaveText('已认捐');
  await expect(page.getByRole('region', { name: '分期到位计划' })).toHaveCount(0);
  const edited = (await (await page.request.get(`/api/v1/pledges/${id}`)).json()) as Pledge;
  expect(edited.instalments).toEqual([]);
  expect(edited.status).toBe('pledged');
  expect(edited.amountFen).toBe(3_000_000);
});

test('a schedule with a bad row or one that does not add up shows the error beside that row, keeps what was typed and records nothing', async ({ asCoordinator: page }) => {
  await expectYearOpen(page);
  const before = await pledgeCount(page);
  await fillPledge(page);
  await page.getByRole('button', { name: '添加分期计划' }).click();
  const schedule = page.getByRole('group', { name: /^分期计划/ });
  const status = schedule.getByTestId('unscheduled');

  await schedule.getByRole('button', { name: '平均分成 2 期' }).click();
  const amount1 = schedule.getByRole('textbox', { name: '第 1 期金额（元）', exact: true });
  const amount2 = schedule.getByRole('textbox', { name: '第 2 期金额（元）', exact: true });
  await expect(amount1).toHaveValue('15,000.00');
  await expect(amount2).toHaveValue('15,000.00');
  await expect(status).toHaveText('计划合计 ¥30,000.00，与认捐金额一致');

  // An unreadable amount in row 2 is named on row 2.
  const due1 = schedule.getByRole('textbox', { name: '第 1 期到期日', exact: true });
  const due2 = schedule.getByRole('textbox', { name: '第 2 期到期日', exact: true });
  await due1.fill(FIRST_DUE);
  await due2.fill(SECOND_DUE);
  await amount2.fill('1,50000');
  await page.getByRole('button', { name: '保存认捐' }).click();
  await expect(amount2).toBeFocused();
  await expect(amount2).toHaveAccessibleDescription(/^金额写法有歧义（千分位逗号应每三位一组），请重新输入。/);
  await expect(amount1).not.toHaveAttribute('aria-invalid', 'true');

  // Amounts that miss the pledge by one fen, and a first instalment due before the pledge date.
  await amount2.fill('14,999.99');
  await expect(status).toHaveText('计划合计 ¥29,999.99，尚未排期 ¥0.01');
  await due1.fill(shift(PLEDGED_ON, -1));
  await page.getByRole('button', { name: '保存认捐' }).click();
  await expect(schedule.getByRole('alert').filter({ hasText: '各期计划金额之和必须等于认捐总额。' })).toBeVisible();
  await expect(due1).toBeFocused();
  await expect(due1).toHaveAccessibleDescription('到期日不能早于认捐日期。');
  await expect(due2).not.toHaveAttribute('aria-invalid', 'true');
  await expect(amount1).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: '有 2 处需要修改' })).toBeVisible();

  // What was typed is all still there, and nothing was recorded.
  await expect(due1).toHaveValue(shift(PLEDGED_ON, -1));
  await expect(amount1).toHaveValue('15,000.00');
  await expect(amount2).toHaveValue('14,999.99');
  await expect(page.getByRole('textbox', { name: '认捐金额（元）', exact: true })).toHaveValue('30,000');
  await expect(page.getByRole('heading', { name: '认捐已保存' })).toHaveCount(0);
  expect(await pledgeCount(page)).toBe(before);

  // Corrected, it saves with exactly that schedule.
  await due1.fill(PLEDGED_ON);
  await amount2.fill('15,000');
  await expect(status).toHaveText('计划合计 ¥30,000.00，与认捐金额一致');
  await page.getByRole('button', { name: '保存认捐' }).click();
  await expect(page.getByRole('heading', { name: '认捐已保存' })).toBeVisible();
  expect(await pledgeCount(page)).toBe(before + 1);
  const href = await page.getByRole('link', { name: /查看第 \d+ 号认捐/ }).getAttribute('href');
  const saved = (await (await page.request.get(`/api/v1${href}`)).json()) as Pledge;
  expect(saved.instalments.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen }))).toEqual([
    { dueOn: PLEDGED_ON, amountFen: 1_500_000 },
    { dueOn: SECOND_DUE, amountFen: 1_500_000 },
  ]);
});
